package com.acme.tiering.api;

class EventDrivenEvaluationH2Tests extends EventDrivenEvaluationContract {
}
