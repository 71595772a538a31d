package com.acme.tiering.run;

import org.springframework.context.annotation.Import;

@Import(FlakyRunConfiguration.class)
class RunRestartH2Tests extends RunRestartContract {
}
