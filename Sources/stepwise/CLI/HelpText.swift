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
                   stepwise check --retention DAYS [--data DIR]

            Validates every participant and offer file and the permissions of the data
            folder and everything in it, the audit log, plan history and drafts too
            (files 0600, folders 0700). Prints each problem with its file and field.

            --retention DAYS   checks nothing else: lists the records whose 26-week course
                     ended more than DAYS days ago, one a line, as
                       ID  COURSE-END (YYYY-MM-DD)  N days
                     longest ago first, then a count line. Listing records is not an error
                     (exit 0): deciding to keep or erase them is the organisation's. Erase
                     with 'stepwise erase ID --yes'. No names are printed.

            Exit status: 0 no problems (with --retention: listed); 1 problems found (with
            --retention: a record could not be read, so the list may be incomplete);
            2 bad usage.
            """
        case "export":
            return """
            Usage: stepwise export PARTICIPANT [--format json|text] [--output FILE] [--data DIR]

            Gives the citizen a copy of everything Stepwise holds about them: the record
            (about me, plan, notes with every earlier version, sessions, ratings,
            milestones, contacts, conversations, outcome, journal), every saved version of
            the plan, their seats and places on waitlists (with the details of an
            internship they hold), forms about them left half-typed, and every audit log
            entry about them (who opened, changed, printed, exported it, and when).
            --format json   (the default) one JSON object: about, made, madeBy, record,
                            planHistory, bookings, drafts, auditLog, unreadableOffers
            --format text   the same as readable text with headings, for printing
            --output FILE   write to FILE (created readable only by you, mode 0600)
                            instead of standard output
            The export is noted in the audit log (and so is in the copy itself).
            Make one copy of each format by running it twice.

            Exit status: 0 exported; 1 unknown or unreadable participant, or the audit log
            or the file cannot be written; 2 bad usage.
            """
        case "erase":
            return """
            Usage: stepwise erase PARTICIPANT --yes [--data DIR]

            Erases everything held about the participant, for the citizen's right to
            erasure: their record, plan history, forms about them left half-typed, lock
            and temporary files. Their seats and places on waitlists are given up first,
            as 'stepwise unbook' would (the first in line moves up and their record says
            so; an internship loses the accommodations and follow-ups agreed for them).
            The audit log keeps its lines but names the participant by an anonymous
            marker (erased-1, erased-2, ...) instead of the id, and gets one 'erased'
            entry. It cannot be undone: give the citizen a copy first (stepwise export).
            Without --yes nothing is erased: it prints what would be, as counts.
            A record open at another terminal is refused. An erasure cut off half-way
            can be run again; it finishes what is left.

            Exit status: 0 erased; 1 refused (no --yes, nothing held, open elsewhere, an
            offer file that names the participant cannot be read) or not finished;
            2 bad usage.
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
        case "summary":
            return """
            Usage: stepwise summary PARTICIPANT [--format text|markdown|html] [--lang CODE]
                                   [--output FILE] [--print [--printer NAME]] [--data DIR]

            Writes the participant's plan summary in the citizen's language (English when
            there are no strings for it): course and week, coach and the contacts the
            citizen agreed to share, their goals and steps, booked offers with dates, times
            and places, the next appointments, what was agreed last time, and how it is going.
            --format text       A4 pages of 72 columns and 60 lines, each with the name and
                                "page N of M"; pages are separated by form feeds (default)
            --format markdown   Markdown
            --format html       one self-contained HTML page with print styles for A4
            --lang CODE         another language than the citizen's (en, da, sv, de)
            --output FILE       write to FILE (mode 0600) instead of standard output
            --print             print the text with CUPS (lp) on the default printer, or
                                --printer NAME (see 'lpstat -e'); the job is titled
                                "Stepwise summary" and the text goes to lp on its input

            Exit status: 0 written or printed; 1 unknown participant, unreadable data, file
            not written or not printed (no printer, CUPS not running); 2 bad usage.
            """
        case "calendar":
            return """
            Usage: stepwise calendar PARTICIPANT [--output FILE] [--lang CODE] [--data DIR]

            Writes the participant's dates as an iCalendar file (RFC 5545) to import into a
            phone or mail calendar: the sessions of their booked offers, their open mandatory
            conversations (all-day), and the appointment agreed at the last session. Each
            event keeps the same UID in every export, so importing a newer file updates the
            events instead of adding them again. Times are local times in $STEPWISE_TIMEZONE,
            else the system's time zone (Europe/Copenhagen when the system says UTC).
            --output FILE   write to FILE (mode 0600) instead of standard output

            Exit status: 0 written; 1 unknown participant, unreadable data or file not
            written; 2 bad usage.
            """
        default:
            return """
            Usage: stepwise [COMMAND] [--data DIR] [--lang CODE]

            Without a command, opens the caseload in the terminal.

            Commands:
              demo     create demo data in an empty data folder
              list     print the caseload (--json for scripts)
              check    validate every file; exit 1 on any problem (--retention DAYS:
                       list records whose course ended more than DAYS days ago)
              offers   list, import or export the offer catalogue (CSV)
              book     book a participant into an offer (or its waitlist)
              unbook   give up a seat or a place on a waitlist
              summary  the plan summary as text, Markdown or HTML, or printed
              calendar the participant's dates as an iCalendar file
              export   a copy of everything held about one citizen (JSON or text)
              erase    erase everything held about one citizen (--yes)

            Options:
              --data DIR    data folder (else $STEPWISE_DATA, else $XDG_DATA_HOME/stepwise,
                            else ~/.local/share/stepwise)
              --lang CODE   language of the screens (en, da, sv, de; default from the locale)
              --version     print the version
              --help        this text; `stepwise COMMAND --help` for a command

            The coach's name comes from $STEPWISE_COACH, else the login name. Opening,
            changing, printing, exporting, booking and erasing a record are noted in
            DATA/audit.log (who, what, which id, when; never what the record says).
            """
        }
    }
}
