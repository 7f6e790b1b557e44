/// `--help` texts of the commands.
enum HelpText {
    static let version = "stepwise 0.1.0"

    static func text(for command: String) -> String {
        switch command {
        case "demo":
            return """
            Usage: stepwise demo [--data DIR]

            Creates demo participants and a demo offer catalogue, with dates around today.
            Refuses to write into a folder that holds data that is not demo data.

            Exit status: 0 created, 1 refused or failed, 2 bad usage.
            """
        case "list":
            return """
            Usage: stepwise list [--json] [--data DIR]

            Prints the caseload: name, course week and next appointment of each participant.
            --json   an array of objects with id, name, courseStart, courseWeek,
                     courseStatus and nextAppointment (null when none)
            Unreadable files are reported on standard error.

            Exit status: 0 listed, 1 the data folder cannot be read, 2 bad usage.
            """
        case "check":
            return """
            Usage: stepwise check [--data DIR]

            Validates every participant and offer file and the permissions of the data
            folder (files 0600, folders 0700). Prints each problem with its file and field.

            Exit status: 0 no problems, 1 problems found, 2 bad usage.
            """
        default:
            return """
            Usage: stepwise [COMMAND] [--data DIR] [--lang CODE]

            Without a command, opens the caseload in the terminal.

            Commands:
              demo     create demo data in an empty data folder
              list     print the caseload (--json for scripts)
              check    validate every file; exit 1 on any problem

            Options:
              --data DIR    data folder (else $STEPWISE_DATA, else $XDG_DATA_HOME/stepwise,
                            else ~/.local/share/stepwise)
              --lang CODE   language of the screens (en, da; default from the locale)
              --version     print the version
              --help        this text; `stepwise COMMAND --help` for a command

            The coach's name comes from $STEPWISE_COACH, else the login name.
            """
        }
    }
}
