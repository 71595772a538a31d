package com.acme.tiering.api;

class DeclaredAttributesH2Tests extends DeclaredAttributesContract {
}
