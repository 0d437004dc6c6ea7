import ArgumentParser
import HechaHost

/// The `--lang` of the commands whose only output is messages for people (`validate`, `rules`):
/// zh (the default) or en. `run` has its own `--lang`, which also selects the report's language.
struct MessageOptions: ParsableArguments {
    @Option(name: .long, help: "The language of the messages: zh (中文) or en.")
    var lang: String = "zh"

    /// The language chosen; Chinese until the option has been validated.
    var language: MessageLanguage { MessageLanguage(rawValue: lang) ?? .chinese }

    func validate() throws {
        guard MessageLanguage(rawValue: lang) != nil else { throw ValidationError(in: .chinese, "--lang '\(lang)' is not known; use zh or en") }
    }
}

/// `--format text|json` of the commands that print diagnostics.
extension DiagnosticFormat: ExpressibleByArgument {}

extension ValidationError {
    /// An error about the command line whose message, made in English, is printed in `language`.
    init(in language: MessageLanguage, _ english: String) {
        self.init(MessageCatalog.text(english, in: language))
    }
}
