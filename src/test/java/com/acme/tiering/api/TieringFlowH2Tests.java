package com.acme.tiering.api;

class TieringFlowH2Tests extends TieringFlowContract {
}
