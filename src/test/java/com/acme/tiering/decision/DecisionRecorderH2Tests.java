package com.acme.tiering.decision;

class DecisionRecorderH2Tests extends DecisionRecorderContract {
}
