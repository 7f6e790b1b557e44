import StepwiseCore

/// One command of the command line, declared once: what the overview, `stepwise NAME --help`,
/// the argument parser, a man page and shell completion need, and the function that runs it.
/// `Command.all` is the table; adding a command is adding a value there.
struct Command: Sendable {
    /// An option: a flag (`value` nil, e.g. `--json`) or an option with a value (`--output FILE`).
    struct Option: Sendable {
        /// e.g. `--output`.
        let name: String
        /// What the value is called in help and man pages, e.g. `FILE`; nil for a flag.
        let value: String?
        /// One line for a man page or a completion menu.
        let summary: String
        /// What completes the value, when it has one.
        let completes: Completion

        init(_ name: String, value: String? = nil, completes: Completion = .nothing, _ summary: String) {
            self.name = name
            self.value = value
            self.summary = summary
            self.completes = completes
        }
    }

    /// A positional argument.
    struct Argument: Sendable {
        /// As help shows it, e.g. `PARTICIPANT`.
        let name: String
        /// As a usage message names it, e.g. "a participant id".
        let noun: String
        let completes: Completion
    }

    /// What shell completion offers for an argument or a value. Ids only, never names: names
    /// must not reach arguments or shell history.
    enum Completion: String, Sendable {
        case nothing, participantID, offerID, file, folder, language, words
    }

    /// How the command is carried out: its own function, or one of its subcommands
    /// (`offers list|import|export`), chosen by the first positional argument.
    enum Action: Sendable {
        case run(@Sendable (Commands) -> Int32)
        case subcommands([Command])
    }

    let name: String
    /// One line for the overview, e.g. "print the caseload (--json for scripts)".
    let summary: String
    let options: [Option]
    let arguments: [Argument]
    /// How many trailing arguments may be left out.
    let optionalArguments: Int
    let action: Action
    /// Left out of the overview (still has `--help`, and a man page may list it).
    let hidden: Bool

    init(
        _ name: String, summary: String, options: [Option] = [], arguments: [Argument] = [],
        optionalArguments: Int = 0, hidden: Bool = false, action: Action
    ) {
        self.name = name
        self.summary = summary
        self.options = options
        self.arguments = arguments
        self.optionalArguments = optionalArguments
        self.hidden = hidden
        self.action = action
    }

    /// The full text of `stepwise NAME --help` in the words of `strings` (`cli.help.NAME`);
    /// it starts `Usage: stepwise NAME`. A subcommand has none: its command's help covers it.
    /// Lines wider than 80 columns are wrapped (`HelpLayout`).
    func help(_ strings: Localizer) -> String {
        HelpLayout.fit(strings("cli.help." + name, ["settings": Command.settingsHelp(strings)]))
    }

    /// How many positional arguments the command takes (a subcommand's name counts as one).
    var positional: ClosedRange<Int> {
        if case .subcommands = action { return 1...1 }
        return (arguments.count - optionalArguments)...arguments.count
    }

    /// How usage messages name the positional arguments in the words of `strings`, e.g. "a
    /// participant id and an offer id" (`cli.noun.*`, `cli.and`), or the subcommands, e.g.
    /// "list, import FILE.csv or export" (`cli.or`).
    func argumentNouns(_ strings: Localizer) -> String {
        func joined(_ items: [String], _ key: String) -> String {
            guard let last = items.last, items.count > 1 else { return items.first ?? "" }
            return strings(key, ["list": items.dropLast().joined(separator: ", "), "last": last])
        }
        if case .subcommands(let subcommands) = action {
            return joined(subcommands.map { ([$0.name] + $0.arguments.map(\.name)).joined(separator: " ") }, "cli.or")
        }
        return joined(arguments.map { strings("cli.noun." + $0.completes.rawValue) }, "cli.and")
    }

    var subcommands: [Command] {
        if case .subcommands(let subcommands) = action { return subcommands }
        return []
    }

    func subcommand(_ name: String) -> Command? { subcommands.first { $0.name == name } }

    /// Every option the command's line may hold: its own, its subcommands' and the global ones.
    var acceptedOptions: [Option] { options + subcommands.flatMap(\.options) + Command.globalOptions }

    /// Options every command takes.
    static let globalOptions: [Option] = [
        Option(
            "--data", value: "DIR", completes: .folder,
            "data folder (else $STEPWISE_DATA, else data in stepwise.conf, else $XDG_DATA_HOME/stepwise, else ~/.local/share/stepwise)"),
        Option("--lang", value: "CODE", completes: .language, "language of the screens and the summary (en, da, sv, de)"),
        Option("--help", "print the help of the command"),
        Option("--version", "print the version"),
    ]

    static let version = "stepwise 0.1.0"

    /// Every command, in overview order; the first (the caseload screen) runs when none is given.
    static let all: [Command] = [
        .tui, .initialize, .demo, .list, .check, .offers, .jobs, .book, .unbook, .summary, .calendar, .report, .export,
        .erase, .config, .helpCommand,
    ]

    static func named(_ name: String) -> Command? { all.first { $0.name == name } }

    /// `stepwise --help` in the words of `strings` (`cli.overview.*`, and each command's
    /// `cli.command.NAME`, whose English is the command's `summary`): made from the table, so
    /// that a command cannot be missing from it.
    static func overview(_ strings: Localizer) -> String {
        let shown = all.filter { !$0.hidden && $0.name != "tui" }
        let width = shown.map(\.name.count).max() ?? 0
        let commands = shown.map {
            "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + strings("cli.command." + $0.name)
        }
        let overview = [
            strings("cli.overview.usage"), strings("cli.overview.default"),
            strings("cli.overview.commands") + "\n" + commands.joined(separator: "\n"), strings("cli.overview.options"),
            strings("cli.overview.notes"),
        ]
        return HelpLayout.fit(overview.joined(separator: "\n\n"))
    }
}
