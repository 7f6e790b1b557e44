import Foundation
import XCTest

/// The command line speaks the language Stepwise is set to ($STEPWISE_LANG, `language` in
/// stepwise.conf, --lang), with singular and plural right, and names files, fields and ids as
/// in English; machine formats (JSON, CSV) stay as they are.
final class CLILanguageTests: EndToEndTestCase {
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ language: String, _ arguments: [String]) throws -> CLIResult {
        try stepwise(arguments, environment: ["STEPWISE_LANG": language])
    }

    /// `stepwise check` says why a file cannot be used in the language set, naming the file and
    /// the field as they are; the English is what it always was.
    func testCheckSaysWhyAFileCannotBeUsedInTheLanguageSet() throws {
        XCTAssertEqual(try run("en", ["demo"]).status, 0)
        let participants = data.appendingPathComponent("participants")
        guard let name = try FileManager.default.contentsOfDirectory(atPath: participants.path).first(where: { $0.hasSuffix(".json") }),
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: participants.appendingPathComponent(name))) as? [String: Any]
        else { return XCTFail("no demo participant") }
        object["courseStart"] = "next Monday"
        let url = participants.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let said = [
            "en": "participants/\(name): field 'courseStart': expected a date like 2026-03-02\n",
            "da": "participants/\(name): feltet 'courseStart': skal være en dato som 2026-03-02\n",
            "sv": "participants/\(name): fältet 'courseStart': ska vara ett datum som 2026-03-02\n",
            "de": "participants/\(name): Feld 'courseStart': muss ein Datum wie 2026-03-02 sein\n",
        ]
        for (language, line) in said {
            let result = try run(language, ["check"])
            XCTAssertEqual(result.status, 1, language)
            XCTAssertTrue(result.stdout.hasPrefix(line), "\(language): \(result.stdout)")
        }
    }

    func testDemoCheckAndListInEachLanguage() throws {
        let made: [String: String] = [
            "en": "Created 25 demo participants, 27 offers and 8 board jobs in ",
            "da": "Oprettede 25 demodeltagere, 27 tilbud og 8 jobopslag i ",
            "sv": "Skapade 25 demodeltagare, 27 insatser och 8 jobb på jobbtavlan i ",
            "de": "Angelegt: 25 Demo-Personen, 27 Angebote und 8 Stellen in der Stellenbörse in ",
        ]
        let checked: [String: String] = [
            "en": "files checked in \(data.path): no problems", "da": "filer kontrolleret i \(data.path): ingen problemer",
            "sv": "filer kontrollerade i \(data.path): inga problem", "de": "Dateien geprüft in \(data.path): keine Probleme",
        ]
        let week = ["en": "week ", "da": "uge ", "sv": "vecka ", "de": "Woche "]
        for language in ["en", "da", "sv", "de"] {
            try? FileManager.default.removeItem(at: data)
            var result = try run(language, ["demo"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, (made[language] ?? "") + data.path + "\n", language)
            result = try run(language, ["check"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.hasSuffix((checked[language] ?? "") + "\n"), "\(language): \(result.stdout)")
            result = try run(language, ["list"])
            XCTAssertTrue(result.stdout.contains(week[language] ?? ""), "\(language): \(result.stdout)")
            // JSON is for scripts: the same keys and values whatever the language.
            XCTAssertTrue(try run(language, ["list", "--json"]).stdout.contains("\"courseStatus\" : \"running\""), language)
        }
    }

    /// Singular and plural of an import's count, and a bad row named by file, line and column.
    func testImportCountsAndABadRowNamingFileAndColumn() throws {
        try makeDemo()
        let one = try write("one.csv", "title;kind;capacity\nCV-værksted;workshop;12\n")
        let two = try write("two.csv", "title;kind;capacity\nJobsamtale;workshop;8\nNetværk;network;20\n")
        let expected: [String: (String, String)] = [
            "da": ("importerede 1 tilbud fra \(one): nye: 1", "importerede 2 tilbud fra \(two): nye: 2"),
            "sv": ("importerade 1 insats från \(one): nya: 1", "importerade 2 insatser från \(two): nya: 2"),
            "de": ("1 Angebot aus \(one) importiert: neu: 1", "2 Angebote aus \(two) importiert: neu: 2"),
        ]
        for (language, (singular, plural)) in expected {
            var result = try run(language, ["offers", "import", one])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix(singular), "\(language): \(result.stdout)")
            result = try run(language, ["offers", "import", two])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix(plural), "\(language): \(result.stdout)")
        }

        let bad = try write("bad.csv", "title;kind;capacity\nKok;workshop;many\nBager;workshop;-1\n")
        let refused: [String: (String, String)] = [
            "da": ("stepwise: \(bad): linje 2, kolonne 'capacity': ", "stepwise: intet importeret: 2 linjer med problemer; ret fejlene"),
            "sv": ("stepwise: \(bad): rad 2, kolumn 'capacity': ", "stepwise: ingenting importerades: 2 rader med problem; rätta felen"),
            "de": (
                "stepwise: \(bad): Zeile 2, Spalte 'capacity': ",
                "stepwise: nichts importiert: 2 Zeilen mit Problemen; beheben Sie die Fehler"
            ),
        ]
        for (language, (first, last)) in refused {
            let result = try run(language, ["offers", "import", bad])
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stderr.hasPrefix(first), "\(language): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(last), "\(language): \(result.stderr)")
        }
        let missing = root.appendingPathComponent("nowhere.csv").path
        XCTAssertEqual(try run("da", ["offers", "import", missing]).stderr, "stepwise: \(missing) kan ikke læses: filen findes ikke\n")
        XCTAssertEqual(
            try run("de", ["offers", "import", missing]).stderr, "stepwise: \(missing) kann nicht gelesen werden: die Datei gibt es nicht\n"
        )
    }

    /// Booking, a refusal and the erasure's dry run, in Danish, Swedish and German.
    func testBookingAndErasureMessages() throws {
        try makeDemo()
        let people = try XCTUnwrap(try stepwise(["list", "--ids"]).stdout.split(separator: "\n").map(String.init))
        let offer = try write("tiny.csv", "id;title;kind;capacity;waitlist\no-tiny;Lille værksted;workshop;1;\n")
        XCTAssertEqual(try stepwise(["offers", "import", offer]).status, 0)
        let name = "\"Lille værksted\" (o-tiny)"

        var result = try run("da", ["book", people[0], "o-tiny"])
        XCTAssertEqual(result.stdout, "booket: \(people[0]) på \(name), plads 1 af 1\n", result.stderr)
        result = try run("sv", ["book", people[1], "o-tiny"])
        XCTAssertEqual(result.stdout, "på väntelistan som nummer 1: \(people[1]) för \(name), 1 av 1 plats bokad\n", result.stderr)
        result = try run("de", ["book", people[1], "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: wartet bereits: \(people[1]) steht als Nummer 1 auf der Warteliste für \(name)\n")
        result = try run("da", ["unbook", people[0], "o-tiny"])
        XCTAssertEqual(
            result.stdout,
            "plads opgivet: \(people[0]) på \(name)\nrykket op fra ventelisten: \(people[1]) har nu en plads på \(name)\n")

        result = try run("da", ["erase", people[2]])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("Dette ville slette alt, hvad der er gemt om \(people[2]): sagen ("), result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("stepwise: ikke slettet: det kan ikke fortrydes."), result.stderr)
        XCTAssertEqual(try run("sv", ["erase", "p-nobody"]).stderr, "stepwise: det finns inget sparat om p-nobody; inget att radera\n")
    }

    /// The erasure's dry run says what it would erase in whole sentences, each ending in a
    /// full stop, in every language.
    func testTheErasureDryRunIsWholeSentences() throws {
        try makeDemo()
        let id = try XCTUnwrap(try stepwise(["list", "--ids"]).stdout.split(separator: "\n").first).description
        let openings = ["en": "This would erase", "da": "Dette ville slette", "sv": "Detta skulle radera", "de": "Dies würde alles"]
        for (language, opening) in openings {
            let result = try run(language, ["erase", id])
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stdout.hasPrefix(opening + " "), "\(language): \(result.stdout)")
            XCTAssertTrue(result.stdout.hasSuffix(".\n"), "\(language): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains(" --yes'") && result.stderr.hasSuffix(".\n"), "\(language): \(result.stderr)")
        }
    }

    /// An unknown option with no command names no command: the person typed none.
    func testAnUnknownOptionWithoutACommandNamesNone() throws {
        let expected = [
            "en": "stepwise: unknown option '--bogus'\nTry 'stepwise --help'.\n",
            "da": "stepwise: ukendt tilvalg '--bogus'\nPrøv 'stepwise --help'.\n",
            "sv": "stepwise: okänd flagga '--bogus'\nProva 'stepwise --help'.\n",
            "de": "stepwise: unbekannte Option '--bogus'\nVersuchen Sie 'stepwise --help'.\n",
        ]
        for (language, message) in expected {
            let result = try stepwise(["--bogus"], environment: ["STEPWISE_LANG": language])
            XCTAssertEqual(result.status, 2)
            XCTAssertEqual(result.stderr, message, language)
        }
        let named = try stepwise(["check", "--bogus"], environment: ["STEPWISE_LANG": "de"])
        XCTAssertEqual(named.stderr, "stepwise: unbekannte Option '--bogus' für 'check'\nVersuchen Sie 'stepwise --help'.\n")
    }

    /// Refusals the program's parts give as cases (demo data, CUPS) are told in the language set.
    func testDemoRefusalAndPrintingFailures() throws {
        try makeDemo()
        XCTAssertEqual(try run("da", ["demo"]).stderr, "stepwise: \(data.path) indeholder allerede demodata\n")
        let id = try XCTUnwrap(try stepwise(["list", "--ids"]).stdout.split(separator: "\n").first).description
        var result = try stepwise(["summary", id, "--print"], environment: ["PATH": root.path, "STEPWISE_LANG": "de"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("stepwise: nicht gedruckt: Drucken ist auf diesem Computer nicht eingerichtet"), result.stderr)
        let socket = root.appendingPathComponent("no-cups.sock").path
        result = try stepwise(["summary", id, "--print"], environment: ["CUPS_SERVER": socket, "STEPWISE_LANG": "sv"])
        guard !result.stderr.contains("utskrift är inte inställd") else { throw XCTSkip("CUPS's lp is not installed here") }
        XCTAssertEqual(result.stderr, "stepwise: inte utskrivet: utskriftstjänsten (CUPS) körs inte\n")
    }

    /// One day and many days: the retention list's count line.
    func testRetentionSingularAndPlural() throws {
        try makeDemo()
        let lines: [(String, String, String)] = [
            ("da", "1", "forløbet sluttede for mere end 1 dag siden"), ("da", "400", "forløbet sluttede for mere end 400 dage siden"),
            ("sv", "1", "programmet slutade för mer än 1 dag sedan"), ("sv", "400", "programmet slutade för mer än 400 dagar sedan"),
            ("de", "1", "Maßnahme vor mehr als 1 Tag beendet"), ("de", "400", "Maßnahme vor mehr als 400 Tagen beendet"),
        ]
        for (language, days, expected) in lines {
            let result = try run(language, ["check", "--retention", days])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(expected), "\(language) \(days): \(result.stdout)")
        }
    }

    /// The language comes from stepwise.conf, from $STEPWISE_LANG and from --lang, as for the
    /// screens; --lang of a summary is the summary's language, not the messages'.
    func testTheLanguageSettingAndUsageErrors() throws {
        try makeDemo()
        let config = try write("stepwise.conf", "language = de\n")
        let configured = ["STEPWISE_CONFIG": config, "HOME": root.path]
        var result = try stepwise(["check"], environment: configured)
        XCTAssertTrue(result.stdout.contains("Dateien geprüft in"), result.stdout)
        result = try stepwise(["frobnicate"], environment: configured)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "stepwise: unbekannter Befehl 'frobnicate'\nVersuchen Sie 'stepwise --help'.\n")
        result = try stepwise(["book", "p-x"], environment: ["STEPWISE_LANG": "sv"])
        XCTAssertEqual(result.stderr, "stepwise: 'book' behöver ett deltagar-id och ett insats-id\nProva 'stepwise --help'.\n")
        result = try stepwise(["check", "--lang", "da"])
        XCTAssertTrue(result.stdout.contains("filer kontrolleret i"), result.stdout)
        result = try stepwise(["report", "--format", "xml"], environment: ["STEPWISE_LANG": "da"])
        XCTAssertEqual(result.stderr, "stepwise: --format skal være text, markdown, html, csv eller json\nPrøv 'stepwise report --help'.\n")

        let id = try XCTUnwrap(try stepwise(["list", "--ids"]).stdout.split(separator: "\n").first)
        let file = root.appendingPathComponent("summary.txt")
        result = try stepwise(
            ["summary", String(id), "--lang", "de", "--output", file.path], environment: ["STEPWISE_LANG": "da"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("skrev resuméet for \(id) til \(file.path): text, "), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(", sprog: tysk\n"), "a language by its name, not its code: \(result.stdout)")
    }

    /// `stepwise --help` in the language set, and in English word for word the summaries the
    /// command table gives (`help --table`, from which completion and the manual are made).
    func testTheOverviewInEachLanguage() throws {
        let english = try stepwise(["--help"], data: false).stdout
        let table = try stepwise(["help", "--table"], data: false).stdout
        let commands = table.split(separator: "\n").map { $0.components(separatedBy: "\t") }.filter {
            $0.count == 7 && $0[1] == "" && $0[2] == "command"
        }
        XCTAssertGreaterThan(commands.count, 10)
        for row in commands where row[0] != "tui" {
            XCTAssertTrue(english.contains(" \(row[0]) ") && english.contains(row[6] + "\n"), "the overview lacks \(row[0]): \(row[6])")
        }
        let headings = [
            "da": ("Brug: stepwise [KOMMANDO]", "Kommandoer:", "  erase     slet alt, hvad der er gemt om én borger (--yes)"),
            "sv": ("Användning: stepwise [KOMMANDO]", "Kommandon:", "  erase     radera allt som finns sparat om en deltagare (--yes)"),
            "de": ("Aufruf: stepwise [BEFEHL]", "Befehle:", "  erase     alles löschen, was über eine Person gespeichert ist (--yes)"),
        ]
        for (language, (usage, heading, line)) in headings {
            let overview = try stepwise(["--help"], data: false, environment: ["STEPWISE_LANG": language]).stdout
            XCTAssertTrue(overview.hasPrefix(usage), overview)
            XCTAssertTrue(overview.contains("\n\(heading)\n"), overview)
            XCTAssertTrue(overview.contains("\n\(line)\n"), overview)
            XCTAssertEqual(try stepwise(["--help", "--lang", language], data: false).stdout, overview, "--lang sets it too")
        }
        // The manual page stays English, and the same on every run.
        let manual = try stepwise(["help", "--man"], data: false, environment: ["STEPWISE_LANG": "da"]).stdout
        XCTAssertTrue(manual.contains("Without a command, opens the caseload"), "the manual page is English")
        for _ in 0..<3 { XCTAssertEqual(try stepwise(["help", "--man"], data: false).stdout, manual) }
    }

    /// Every `cli.*` key is used by the command line, and no message is left as an English
    /// literal: the command files are scanned for string literals of two words or more outside
    /// the command declarations (`extension Command`: help, summaries, man page, completion).
    func testEveryKeyIsUsedAndNoEnglishLiteralIsLeft() throws {
        let folder = E2E.repo.appendingPathComponent("Sources/stepwise/CLI")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var sources: [String: String] = [:]
        for name in names { sources[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        let all = sources.values.joined(separator: "\n")

        let table =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: E2E.repo.appendingPathComponent("Resources/strings/en.json"))) as? [String: String] ?? [:]
        let keys = Set(
            table.keys.filter { $0.hasPrefix("cli.") }.map { key in
                key.hasSuffix(".one") || key.hasSuffix(".other") ? String(key[..<key.lastIndex(of: ".")!]) : key
            })
        XCTAssertGreaterThan(keys.count, 100)
        for key in keys {
            let rest = String(key.dropFirst("cli.".count))
            var forms = ["\"\(key)\"", "\"\(rest)\""]
            for prefix in ["count.", "usage."] where rest.hasPrefix(prefix) { forms.append("\"\(rest.dropFirst(prefix.count))\"") }
            if rest.hasPrefix("noun.") { forms.append("completes: .\(rest.dropFirst("noun.".count))") }
            if rest.hasPrefix("command.") { forms.append("\"\(rest.dropFirst("command.".count))\", summary:") }
            if rest.hasPrefix("setting.") { forms.append("\"cli.setting.\"") }
            if rest.hasPrefix("help.") { forms.append("\"\(rest.dropFirst("help.".count))\", summary:") }
            XCTAssertTrue(forms.contains { all.contains($0) }, "\(key) is not used by the command line")
        }

        // Literals that are formats, not words: none today.
        let allowed: Set<String> = []
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\\n]|\\.)*)""#)
        let interpolation = try NSRegularExpression(pattern: #"\\\([^()]*(?:\([^()]*\)[^()]*)*\)"#)
        let words = try NSRegularExpression(pattern: #"[A-Za-z]{2,}[^A-Za-z\n]*\s[^A-Za-z\n]*[A-Za-z]{2,}"#)
        var found: [String] = []
        for name in names.sorted() where name.hasPrefix("Commands") || name.hasPrefix("CLI") || name == "CommandLineOptions.swift" {
            let code = withoutCommandDeclarations(sources[name] ?? "")
            for line in code.split(separator: "\n").map(String.init) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") || trimmed.hasPrefix("///") { continue }
                let range = NSRange(line.startIndex..., in: line)
                for match in literal.matches(in: line, range: range) {
                    guard let inside = Range(match.range(at: 1), in: line) else { continue }
                    let text = String(line[inside])
                    let bare = interpolation.stringByReplacingMatches(
                        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
                    let hasWords = words.firstMatch(in: bare, range: NSRange(bare.startIndex..., in: bare)) != nil
                    if hasWords && !allowed.contains(text) { found.append("\(name): \(trimmed)") }
                }
            }
        }
        XCTAssertEqual(found, [], "English words left in messages (use the cli.* strings)")
    }

    /// The source without its `extension Command { ... }` blocks (help texts and summaries).
    private func withoutCommandDeclarations(_ source: String) -> String {
        var kept: [Substring] = []
        var inside = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("extension Command {") || line.hasPrefix("extension Command.") {
                inside = true
            } else if inside && line == "}" {
                inside = false
            } else if !inside {
                kept.append(line)
            }
        }
        return kept.joined(separator: "\n")
    }
}
