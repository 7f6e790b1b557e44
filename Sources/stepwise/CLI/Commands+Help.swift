import Foundation
import StepwiseCore

/// `stepwise help [COMMAND]`, and what shell completion and the manual page are made from:
/// `help --table` lists every command, option and argument of `Command.all`; `help --man`
/// prints the manual page (roff) made from the same table, so that neither can disagree
/// with `--help`.
extension Command {
    static let helpCommand = Command(
        "help", summary: "the help of a command; --man prints the manual page",
        options: [
            Option("--table", "every command, option and argument as tab-separated lines"),
            Option("--man", "the manual page stepwise(1) in roff"),
            Option("--bash", "the bash completion script"), Option("--zsh", "the zsh completion script"),
        ],
        arguments: [Argument(name: "COMMAND", noun: "a command", completes: .words)], optionalArguments: 1,
        action: .run { $0.help() })
}

extension Commands {
    func help() -> Int32 {
        if options.flags.contains("--table") {
            print(Command.table, terminator: "")
            return 0
        }
        if options.flags.contains("--bash") {
            print(ShellCompletion.bash, terminator: "")
            return 0
        }
        if options.flags.contains("--zsh") {
            print(ShellCompletion.zsh, terminator: "")
            return 0
        }
        if options.flags.contains("--man") {
            do {
                print(ManualPage.text(english: try Localizer.load(language: "en", resources: resources)), terminator: "")
            } catch {
                printError(text("help.noEnglish", ["reason": "\(error)"]))
                return 1
            }
            return 0
        }
        guard let name = options.positional.first else {
            print(Command.overview(strings))
            return 0
        }
        guard let command = Command.named(name) else { return usage(text("usage.unknownCommand", ["name": name])) }
        print(command.help(strings))
        return 0
    }
}

extension Command {
    /// One tab-separated line per command, subcommand, option and argument (see `help --table`).
    static var table: String {
        func rows(_ command: Command, parent: String?) -> [[String]] {
            let (name, sub) = parent.map { ($0, command.name) } ?? (command.name, "")
            var lines = [[name, sub, "command", command.name, "", "nothing", command.summary]]
            lines += command.options.map {
                [name, sub, $0.value == nil ? "flag" : "option", $0.name, $0.value ?? "", $0.completes.rawValue, $0.summary]
            }
            lines += command.arguments.map { [name, sub, "argument", $0.name, "", $0.completes.rawValue, $0.noun] }
            return lines + command.subcommands.flatMap { rows($0, parent: command.name) }
        }
        let global = globalOptions.map {
            ["", "", $0.value == nil ? "flag" : "option", $0.name, $0.value ?? "", $0.completes.rawValue, $0.summary]
        }
        return (global + all.flatMap { rows($0, parent: nil) }).map { $0.joined(separator: "\t") + "\n" }.joined()
    }
}
