/// The parsed command line: the command, its options, and what was left over.
struct CommandLineOptions {
    /// A command line that cannot be run, with the message to show.
    struct UsageError: Error { let message: String }

    var command = "tui"
    var data: String?
    var language: String?
    var json = false
    var help = false
    var version = false
    var positional: [String] = []

    /// The commands and the options each takes (besides `--data`, `--lang` and `--help`).
    static let commands: [String: Set<String>] = [
        "tui": [], "demo": [], "list": ["--json"], "check": [],
    ]

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard CommandLineOptions.commands[first] != nil else {
                throw UsageError(message: "unknown command '\(first)'")
            }
            command = first
            rest = rest.dropFirst()
        }
        while let argument = rest.popFirst() {
            let (name, inlineValue) = CommandLineOptions.split(argument)
            switch name {
            case "--data", "--lang":
                guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty else {
                    throw UsageError(message: "\(name) needs a value")
                }
                if name == "--data" { data = value } else { language = value }
            case "--help", "-h": help = true
            case "--version": version = true
            case "--json" where CommandLineOptions.commands[command]?.contains("--json") == true: json = true
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)' for '\(command)'") }
                positional.append(argument)
            }
        }
        if !positional.isEmpty { throw UsageError(message: "unexpected argument '\(positional[0])'") }
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
