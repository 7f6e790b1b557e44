/// The parsed command line: the command, its flags, its options with values, and its
/// positional arguments, checked against the command's entry in `CommandSpec.all`.
struct CommandLineOptions {
    /// A command line that cannot be run, with the message to show.
    struct UsageError: Error { let message: String }

    var command = "tui"
    /// Flags given, e.g. `--json`.
    var flags: Set<String> = []
    /// Options given with a value, e.g. `--data` → `/srv/stepwise`.
    var values: [String: String] = [:]
    var positional: [String] = []

    var data: String? { values["--data"] }
    var language: String? { values["--lang"] }
    var help: Bool { flags.contains("--help") }
    var version: Bool { flags.contains("--version") }

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard CommandSpec.named(first) != nil else { throw UsageError(message: "unknown command '\(first)'") }
            command = first
            rest = rest.dropFirst()
        }
        let spec = CommandSpec.named(command) ?? CommandSpec.all[0]
        while let argument = rest.popFirst() {
            if argument == "--" {
                positional += rest
                break
            }
            let (name, inlineValue) = CommandLineOptions.split(argument)
            if name == "-h" || name == "--help" || name == "--version" {
                flags.insert(name == "-h" ? "--help" : name)
            } else if CommandSpec.globalValued.contains(name) || spec.valued.contains(name) {
                guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty else {
                    throw UsageError(message: "\(name) needs a value")
                }
                values[name] = value
            } else if spec.flags.contains(name), inlineValue == nil {
                flags.insert(name)
            } else if argument.hasPrefix("-") && argument.count > 1 {
                throw UsageError(message: "unknown option '\(argument)' for '\(command)'")
            } else {
                positional.append(argument)
            }
        }
        if help || version { return }
        if positional.count < spec.positional.lowerBound {
            throw UsageError(message: "'\(command)' needs \(spec.positionalNames)")
        }
        if positional.count > spec.positional.upperBound {
            throw UsageError(message: "unexpected argument '\(positional[spec.positional.upperBound])'")
        }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

/// What a command accepts besides the global `--data`, `--lang`, `--help`.
struct CommandSpec {
    let name: String
    let flags: Set<String>
    let valued: Set<String>
    let positional: ClosedRange<Int>
    /// How the positional arguments are named in messages, e.g. "a participant id".
    let positionalNames: String

    static let globalValued: Set<String> = ["--data", "--lang"]

    /// Every command; the first is the default (the caseload screen).
    static let all: [CommandSpec] = [
        CommandSpec(name: "tui", flags: [], valued: [], positional: 0...0, positionalNames: ""),
        CommandSpec(name: "demo", flags: [], valued: [], positional: 0...0, positionalNames: ""),
        CommandSpec(name: "list", flags: ["--json"], valued: [], positional: 0...0, positionalNames: ""),
        CommandSpec(name: "check", flags: [], valued: ["--retention"], positional: 0...0, positionalNames: ""),
        CommandSpec(name: "offers", flags: ["--json", "--skip-bad"], valued: ["--output", "--separator"], positional: 1...2,
                    positionalNames: "list, import FILE.csv or export"),
        CommandSpec(name: "book", flags: [], valued: [], positional: 2...2, positionalNames: "a participant id and an offer id"),
        CommandSpec(name: "unbook", flags: [], valued: [], positional: 2...2, positionalNames: "a participant id and an offer id"),
        CommandSpec(name: "summary", flags: ["--print"], valued: ["--format", "--output", "--printer"], positional: 1...1,
                    positionalNames: "a participant id"),
        CommandSpec(name: "calendar", flags: [], valued: ["--output"], positional: 1...1, positionalNames: "a participant id"),
        CommandSpec(name: "export", flags: [], valued: ["--output", "--format"], positional: 1...1, positionalNames: "a participant id"),
        CommandSpec(name: "erase", flags: ["--yes"], valued: [], positional: 1...1, positionalNames: "a participant id"),
    ]

    static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }
}
