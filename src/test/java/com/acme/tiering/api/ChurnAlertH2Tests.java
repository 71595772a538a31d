package com.acme.tiering.api;

class ChurnAlertH2Tests extends ChurnAlertContract {
}
