package com.acme.tiering.api;

class ManualOverrideH2Tests extends ManualOverrideContract {
}
