package com.acme.tiering.api;

class DeclaredEntitlementsH2Tests extends DeclaredEntitlementsContract {
}
