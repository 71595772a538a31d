package com.acme.tiering.facts;

class CustomerFactsH2Tests extends CustomerFactsContract {
}
