package com.acme.tiering.api;

class CustomerIngestionH2Tests extends CustomerIngestionContract {
}
