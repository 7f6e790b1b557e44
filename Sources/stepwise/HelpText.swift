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
        case "offers":
            return """
            Usage: stepwise offers list [--json] [--data DIR]
                   stepwise offers import FILE.csv [--skip-bad] [--data DIR]
                   stepwise offers export [--output FILE] [--separator ,|;|tab] [--data DIR]

            list     prints each offer: id, first day, kind, seats booked of capacity, waiting,
                     title. --json: an array of objects with id, title, kind, status,
                     capacity, booked, waiting, free, waitlistLimit, place, language, suits,
                     facilitators and sessions (day, start, end).
            import   reads a catalogue spreadsheet saved as CSV: comma, semicolon or tab
                     separated, UTF-8 with or without BOM (or Windows-1252), quoted fields
                     with separators, quotes and line breaks. One row per offer; the header
                     names the columns (title, kind and capacity are required):
                       id, title, kind, status, sessions, place, capacity, waitlist, language,
                       suits, facilitators, description, employer, contactName, contactPhone,
                       contactEmail, internshipStart, internshipEnd, hoursPerWeek, tasks
                     sessions: "2026-12-03 10:00-12:00|10.12.2026 10.00-12.00" (dates ISO or
                     day first: 3.12.2026, 03/12/2026); facilitators: "Mette Holm (peer
                     trainer)|Ali Khan (coach)"; waitlist: empty for no limit, 0 for none.
                     A row with a known id updates that offer and keeps its bookings (and
                     the fields of columns the file leaves out); a row without an id adds
                     a new offer. Bad rows are reported by line and column, and nothing
                     is imported unless every row is good.
                     --skip-bad   import the good rows and report the bad ones
            export   writes the catalogue as CSV (UTF-8 with BOM, CRLF, ISO dates) to
                     standard output or --output FILE; import gives back the same catalogue.
                     --separator ;   for spreadsheet programs set to Danish, Swedish or German
            Seats, waitlists, accommodations and follow-up meetings are not in the file.

            Exit status: 0 done, 1 failed (nothing imported when a row is bad), 2 bad usage.
            """
        case "book":
            return """
            Usage: stepwise book PARTICIPANT OFFER [--data DIR]

            Books a seat in the offer for the participant (ids as 'stepwise list' and
            'stepwise offers list' show them). When every seat is taken, the participant
            goes on the waitlist and is given a seat automatically when one frees up.
            Prints "booked: ..., seat N of C" or "waitlisted at place N: ...". Overlaps with
            the participant's other offers and mandatory conversations are warned about on
            standard error. Safe to run from many scripts and terminals at once.

            Exit status: 0 booked or waitlisted; 1 not booked (already booked or waiting,
            offer cancelled, full without a waitlist, unknown participant or offer);
            2 bad usage.
            """
        case "unbook":
            return """
            Usage: stepwise unbook PARTICIPANT OFFER [--data DIR]

            Gives up the participant's seat (the first on the waitlist gets it, and their
            record says so) or their place on the waitlist. Prints "unbooked: ..." or
            "left the waitlist: ...", then "promoted from the waitlist: ..." when someone
            moved up.

            Exit status: 0 done; 1 not booked, unknown participant or offer; 2 bad usage.
            """
        default:
            return """
            Usage: stepwise [COMMAND] [--data DIR] [--lang CODE]

            Without a command, opens the caseload in the terminal.

            Commands:
              demo     create demo data in an empty data folder
              list     print the caseload (--json for scripts)
              check    validate every file; exit 1 on any problem
              offers   list, import or export the offer catalogue (CSV)
              book     book a participant into an offer (or its waitlist)
              unbook   give up a seat or a place on a waitlist

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
