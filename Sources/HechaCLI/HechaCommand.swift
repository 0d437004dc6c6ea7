import ArgumentParser
import HechaHost

/// `hecha`: the root command. Its `subcommands` are the one list of what the tool does: a new
/// command is a type in this folder and one entry here.
struct HechaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hecha",
        abstract: "核查 — cross-check the 低保/特困 roster against other agencies' data and list the leads to verify.",
        subcommands: [RunCommand.self, ValidateCommand.self, ExplainCommand.self, TestCommand.self, LintCommand.self, RulesCommand.self,
                      GenerateCommand.self, LeadsCommand.self, WhatIfCommand.self, ServeCommand.self,
                      UsersCommand.self, ConnectorCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
