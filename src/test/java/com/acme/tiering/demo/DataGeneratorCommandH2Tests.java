package com.acme.tiering.demo;

class DataGeneratorCommandH2Tests extends DataGeneratorCommandContract {
}
