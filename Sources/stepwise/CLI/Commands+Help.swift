import Foundation
import StepwiseCore

/// `stepwise help [COMMAND]`, and what shell completion and the manual page are made from:
/// `help --table` lists every command, option and argument of `Command.all`; `help --man`
/// prints the manual page (roff) made from the same table, so that neither can disagree
/// with `--help`.
extension Command {
    static let helpCommand = Command(
        "help", summary: "the help of a command; --man prints the manual page",
        help: """
        Usage: stepwise help [COMMAND]
               stepwise help --table
               stepwise help --man

        Prints the help of COMMAND, as 'stepwise COMMAND --help' does, or without one
        the overview.
        --table   every command, subcommand, option and argument, one a line, as
                  tab-separated fields: command, subcommand, kind (command, flag,
                  option or argument), name, value name, what completes it (nothing,
                  participantID, offerID, file, folder, language, words) and summary.
                  Shell completion is made from it; it offers ids, never names.
        --man     the manual page stepwise(1) in roff, made from the same table:
                    stepwise help --man > stepwise.1; man ./stepwise.1

        Exit status: 0 printed, 2 bad usage or an unknown command.
        """,
        options: [Option("--table", "every command, option and argument as tab-separated lines"),
                  Option("--man", "the manual page stepwise(1) in roff")],
        arguments: [Argument(name: "COMMAND", noun: "a command", completes: .words)], optionalArguments: 1,
        action: .run { $0.help() })
}

extension Commands {
    func help() -> Int32 {
        if options.flags.contains("--table") { print(Command.table, terminator: ""); return 0 }
        if options.flags.contains("--man") { print(ManualPage.text, terminator: ""); return 0 }
        guard let name = options.positional.first else {
            print(Command.overview)
            return 0
        }
        guard let command = Command.named(name) else { return usage("unknown command '\(name)'") }
        print(command.help)
        return 0
    }
}

extension Command {
    /// One tab-separated line per command, subcommand, option and argument (see `help --table`).
    static var table: String {
        func rows(_ command: Command, parent: String?) -> [[String]] {
            let (name, sub) = parent.map { ($0, command.name) } ?? (command.name, "")
            var lines = [[name, sub, "command", command.name, "", "nothing", command.summary]]
            lines += command.options.map { [name, sub, $0.value == nil ? "flag" : "option", $0.name, $0.value ?? "", $0.completes.rawValue, $0.summary] }
            lines += command.arguments.map { [name, sub, "argument", $0.name, "", $0.completes.rawValue, $0.noun] }
            return lines + command.subcommands.flatMap { rows($0, parent: command.name) }
        }
        let global = globalOptions.map { ["", "", $0.value == nil ? "flag" : "option", $0.name, $0.value ?? "", $0.completes.rawValue, $0.summary] }
        return (global + all.flatMap { rows($0, parent: nil) }).map { $0.joined(separator: "\t") + "\n" }.joined()
    }
}

/// The manual page stepwise(1), in the man(7) macros, made from `Command.all`: each command's
/// summary, options and its `--help` text as it is.
enum ManualPage {
    static var text: String {
        var lines = [
            ".TH STEPWISE 1 \"\" \"\(roff(Command.version))\" \"User Commands\"",
            ".SH NAME",
            "stepwise \\- action plans, offers and progress in coached job-readiness sessions",
            ".SH SYNOPSIS",
            ".B stepwise",
            ".RI [ COMMAND ]",
            ".RB [ \\-\\-data",
            ".IR DIR ]",
            ".RB [ \\-\\-lang",
            ".IR CODE ]",
            ".SH DESCRIPTION",
            "Stepwise is a keyboard-only terminal program that a job coach and a citizen use together:",
            "the citizen's action plan, booking offers, progress notes, self-rated indicators and a printed",
            "plan summary.",
            "Without a command it opens the caseload in the terminal.",
            ".SH OPTIONS",
        ]
        lines += Command.globalOptions.flatMap(optionItem)
        lines.append(".SH COMMANDS")
        for command in Command.all {
            lines += [".SS \(roff(command.name))", roff(command.summary) + "."]
            lines += (command.options + command.subcommands.flatMap(\.options)).flatMap(optionItem)
            lines += [".PP", ".nf"] + command.help.split(separator: "\n", omittingEmptySubsequences: false).map { roff(String($0)) } + [".fi"]
        }
        lines += [
            ".SH ENVIRONMENT",
            ".TP", ".B STEPWISE_DATA", "the data folder when --data is not given",
            ".TP", ".B STEPWISE_COACH", "the coach's name in the audit log and on printed plans (else the login name)",
            ".TP", ".B STEPWISE_TIMEZONE", "the time zone of calendar files",
            ".TP", ".B STEPWISE_RESOURCES", "the folder of strings, schemas and demo data",
            ".SH FILES",
            ".TP", ".I ~/.local/share/stepwise", "the default data folder; one JSON file per participant and per offer",
            ".TP", ".I DATA/audit.log", "who opened, changed, printed, exported, booked or erased which record, and when",
            ".SH EXIT STATUS",
            "0 done, 1 the command failed or found problems, 2 bad usage.",
            ".SH PRIVACY",
            "Output that does not go to a terminal names participants by id, never by name.",
            "Text from records is shown with control and bidirectional characters as \\e\\fBu{XX}\\fR.",
        ]
        return lines.map { $0 + "\n" }.joined()
    }

    private static func optionItem(_ option: Command.Option) -> [String] {
        let tag = option.value.map { ".BI \"" + roff(option.name) + " \" " + roff($0) } ?? ".B " + roff(option.name)
        return [".TP", tag, roff(option.summary)]
    }

    /// Text as roff shows it literally: backslashes escaped, hyphens as minus signs, and a
    /// line that starts with a control character made plain.
    static func roff(_ text: String) -> String {
        let escaped = DisplaySafe.text(text).replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
