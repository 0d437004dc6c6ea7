import ArgumentParser
import HechaHost

@main
struct Hecha: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hecha",
        abstract: "核查 — cross-check the 低保/特困 roster against other agencies' data and list the leads to verify.",
        subcommands: [RunCommand.self, ValidateCommand.self, ExplainCommand.self, TestCommand.self, LintCommand.self, RulesCommand.self,
                      GenerateCommand.self, LeadsCommand.self, WhatIfCommand.self, ServeCommand.self,
                      UsersCommand.self, ConnectorCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
