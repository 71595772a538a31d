package com.acme.tiering.run;

import org.springframework.context.annotation.Import;

import com.acme.tiering.support.MySqlDatabase;

@MySqlDatabase
@Import(FlakyRunConfiguration.class)
class RunRestartMySqlTests extends RunRestartContract {
}
