package com.acme.tiering.governance;

class TierMigrationH2Tests extends TierMigrationContract {
}
