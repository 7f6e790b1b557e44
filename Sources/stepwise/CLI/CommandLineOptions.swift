import StepwiseCore

/// The parsed command line: the command (and subcommand), its flags, its options with values,
/// and its positional arguments, checked against the command's entry in `Command.all`.
struct CommandLineOptions {
    /// A command line that cannot be run, with the message to show in the words of a
    /// `Localizer` (`cli.usage.*`) and the command whose help to point to (nil: the overview).
    struct UsageError: Error {
        let message: @Sendable (Localizer) -> String
        var help: String?

        init(_ key: String, _ arguments: [String: String] = [:], nouns: Command? = nil, help: String? = nil) {
            message = { strings in
                strings("cli.usage." + key, arguments.merging(["nouns": nouns?.argumentNouns(strings) ?? ""]) { given, _ in given })
            }
            self.help = help
        }
    }

    /// The command named on the line; nil when none was (the caseload screen runs).
    var named: Command?
    /// The subcommand named after it (`offers list`), whose positional arguments follow.
    var subcommand: Command?
    /// Flags given, e.g. `--json`.
    var flags: Set<String> = []
    /// Options given with a value, e.g. `--data` → `/srv/stepwise`.
    var values: [String: String] = [:]
    /// Positional arguments, after the subcommand's name.
    var positional: [String] = []

    /// The command to run.
    var command: Command { named ?? Command.all[0] }
    /// The command as messages name it, e.g. `offers import`.
    var commandName: String { [command.name, subcommand?.name].compactMap { $0 }.joined(separator: " ") }
    var data: String? { values["--data"] }
    var language: String? { values["--lang"] }
    var help: Bool { flags.contains("--help") }
    var version: Bool { flags.contains("--version") }

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard let command = Command.named(first) else { throw UsageError("unknownCommand", ["name": first]) }
            named = command
            rest = rest.dropFirst()
        }
        let command = named ?? Command.all[0]
        let accepted = command.acceptedOptions
        while let argument = rest.popFirst() {
            if argument == "--" {
                positional += rest
                break
            }
            let (name, inlineValue) = CommandLineOptions.split(argument)
            let option = accepted.first { $0.name == (name == "-h" ? "--help" : name) }
            if let option, option.value != nil {
                guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty else {
                    throw UsageError("needsValue", ["option": name])
                }
                values[name] = value
            } else if let option, inlineValue == nil {
                flags.insert(option.name)
            } else if argument.hasPrefix("-") && argument.count > 1 {
                // Without a command the person typed none: the message names none either.
                throw named.map { UsageError("unknownOption", ["option": argument, "command": $0.name]) }
                    ?? UsageError("unknownOptionAlone", ["option": argument])
            } else {
                positional.append(argument)
            }
        }
        if help || version { return }
        try chooseSubcommand(of: command)
        let spec = subcommand ?? command
        if positional.count < spec.positional.lowerBound {
            throw UsageError("needsArguments", ["command": commandName], nouns: spec, help: subcommand.map { _ in command.name })
        }
        if positional.count > spec.positional.upperBound {
            throw UsageError(
                "unexpectedArgument", ["argument": positional[spec.positional.upperBound]], help: subcommand.map { _ in command.name })
        }
    }

    /// Takes the subcommand's name off the positional arguments and refuses options that
    /// belong to another subcommand.
    private mutating func chooseSubcommand(of command: Command) throws {
        guard !command.subcommands.isEmpty else { return }
        guard let name = positional.first else {
            throw UsageError("needsArguments", ["command": command.name], nouns: command, help: command.name)
        }
        guard let chosen = command.subcommand(name) else {
            throw UsageError("unknownSubcommand", ["command": command.name, "name": name], nouns: command, help: command.name)
        }
        subcommand = chosen
        positional.removeFirst()
        let allowed = Set((chosen.options + command.options + Command.globalOptions).map(\.name))
        if let stray = (flags.union(values.keys)).subtracting(allowed).sorted().first {
            throw UsageError("strayOption", ["option": stray, "command": commandName], help: command.name)
        }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
