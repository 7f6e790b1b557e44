import Foundation
import XCTest

/// `stepwise offers list|import|export`, `stepwise book` and `stepwise unbook`, run as a
/// script would run them: exact outputs, exit statuses, and what ends up in the files.
final class OffersCLITests: EndToEndTestCase {
    /// The demo caseload as (id, name), in list order.
    func people() throws -> [(id: String, name: String)] {
        let result = try stepwise(["list", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let objects = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
        return objects.compactMap { object in
            guard let id = object["id"] as? String, let name = object["name"] as? String else { return nil }
            return (id, name)
        }
    }

    /// Writes `text` to a file beside the data folder and returns its path.
    func file(_ name: String, _ text: String, bom: Bool = false) throws -> String {
        let url = root.appendingPathComponent(name)
        try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: url)
        return url.path
    }

    /// `stepwise offers list --json`, by id.
    func catalogue(data folder: URL? = nil) throws -> [String: [String: Any]] {
        let result = try CLI.run(["offers", "list", "--json", "--data", (folder ?? data).path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let objects = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
        return Dictionary(objects.map { ($0["id"] as? String ?? "?", $0) }, uniquingKeysWith: { first, _ in first })
    }

    func journal(_ participantId: String) -> [String] {
        let url = data.appendingPathComponent("participants/\(participantId).json")
        guard let bytes = FileManager.default.contents(atPath: url.path),
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        else { return [] }
        return (object["journal"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? "?") \($0["offerId"] ?? "-")" }
    }

    func testHelpTexts() throws {
        for command in ["offers", "book", "unbook"] {
            let result = try stepwise([command, "--help"], data: false)
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout.hasPrefix("Usage: stepwise \(command)"), result.stdout)
            XCTAssertTrue(result.stdout.contains("Exit status"), result.stdout)
        }
        let main = try stepwise(["--help"], data: false)
        for command in ["offers", "book", "unbook"] { XCTAssertTrue(main.stdout.contains("  \(command) "), main.stdout) }
    }

    func testBookWaitlistPromoteCancelAndTheJournals() throws {
        try makeDemo()
        let p = try people()
        XCTAssertGreaterThanOrEqual(p.count, 4)
        let csv = try file(
            "tiny.csv",
            "id;title;kind;capacity;sessions;place;language\r\n"
                + "o-tiny;Lille værksted;workshop;1;3.12.2027 10.00-12.00;Jobhuset;da\r\n")
        var result = try stepwise(["offers", "import", csv])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "imported 1 offer from \(csv): 1 added, 0 changed, 0 unchanged\n")

        result = try stepwise(["book", p[0].id, "o-tiny"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "booked: \(p[0].id) in \"Lille værksted\" (o-tiny), seat 1 of 1\n")
        result = try stepwise(["book", p[1].id, "o-tiny"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "waitlisted at place 1: \(p[1].id) for \"Lille værksted\" (o-tiny), 1 of 1 seat booked\n")
        result = try stepwise(["book", p[2].id, "o-tiny"])
        XCTAssertTrue(result.stdout.hasPrefix("waitlisted at place 2: "), result.stdout)

        result = try stepwise(["book", p[0].id, "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "stepwise: already booked: \(p[0].id) holds seat 1 of 1 in \"Lille værksted\" (o-tiny)\n")
        result = try stepwise(["book", p[1].id, "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr, "stepwise: already waiting: \(p[1].id) is at place 1 on the waitlist of \"Lille værksted\" (o-tiny)\n")

        var offer = try XCTUnwrap(try catalogue()["o-tiny"])
        XCTAssertEqual(offer["capacity"] as? Int, 1)
        XCTAssertEqual(offer["booked"] as? Int, 1)
        XCTAssertEqual(offer["waiting"] as? Int, 2)
        XCTAssertEqual(offer["status"] as? String, "open")

        result = try stepwise(["unbook", p[0].id, "o-tiny"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            "unbooked: \(p[0].id) from \"Lille værksted\" (o-tiny)\n"
                + "promoted from the waitlist: \(p[1].id) now holds a seat in \"Lille værksted\" (o-tiny)\n")
        XCTAssertEqual(journal(p[1].id), ["waitlisted o-tiny", "promoted o-tiny"], "the promoted participant's record says so")
        XCTAssertEqual(journal(p[0].id), ["booked o-tiny", "unbooked o-tiny"])

        result = try stepwise(["unbook", p[2].id, "o-tiny"])
        XCTAssertEqual(result.stdout, "left the waitlist: \(p[2].id) of \"Lille værksted\" (o-tiny)\n")
        result = try stepwise(["unbook", p[2].id, "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr, "stepwise: not booked: \(p[2].id) neither holds a seat in nor waits for \"Lille værksted\" (o-tiny)\n")

        // Unknown records fail (1); what is not an id at all is bad usage (2).
        result = try stepwise(["book", "p-nobody", "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: unknown participant 'p-nobody'\n")
        result = try stepwise(["book", p[0].id, "o-nothing"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: unknown offer 'o-nothing'\n")
        result = try stepwise(["book", "../../etc/passwd", "o-tiny"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is not a valid participant id"), result.stderr)
        result = try stepwise(["unbook", p[0].id, "o/tiny"])
        XCTAssertEqual(result.status, 2)
        result = try stepwise(["book", p[0].id])
        XCTAssertEqual(result.status, 2)

        // Cancelling (from the spreadsheet) tells everyone booked or waiting, and stops bookings.
        _ = try stepwise(["book", p[3].id, "o-tiny"])
        let cancel = try file("cancel.csv", "id,title,kind,capacity,status\no-tiny,Lille værksted,workshop,1,cancelled\n")
        result = try stepwise(["offers", "import", cancel])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(journal(p[1].id).last, "offerCancelled o-tiny")
        XCTAssertEqual(journal(p[3].id), ["waitlisted o-tiny", "offerCancelled o-tiny"])
        result = try stepwise(["book", p[0].id, "o-tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: \"Lille værksted\" (o-tiny) is cancelled; nothing was booked\n")
        offer = try XCTUnwrap(try catalogue()["o-tiny"])
        XCTAssertEqual(offer["status"] as? String, "cancelled")

        XCTAssertEqual(try stepwise(["check"]).status, 0, "every file valid and private")
    }

    func testFullWithoutWaitlistAndOverlapWarnings() throws {
        try makeDemo()
        let p = try people()
        let csv = try file(
            "two.csv",
            """
            id,title,kind,capacity,waitlist,sessions
            o-solo,Praktik hos Brdr. Hansen,internship,1,0,2028-03-01 08:00-12:00
            o-clash,Netværksmøde,network,10,,1.3.2028 11:00-13:00|8.3.2028 11:00-13:00

            """)
        XCTAssertEqual(try stepwise(["offers", "import", csv]).status, 0)
        var result = try stepwise(["book", p[0].id, "o-solo"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        result = try stepwise(["book", p[1].id, "o-solo"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: \"Praktik hos Brdr. Hansen\" (o-solo) is full (1 of 1 seat booked) and has no waitlist\n")

        result = try stepwise(["book", p[0].id, "o-clash"])
        XCTAssertEqual(result.status, 0, "an overlap is warned about, not refused")
        XCTAssertTrue(result.stdout.hasPrefix("booked: "), result.stdout)
        XCTAssertEqual(
            result.stderr,
            "stepwise: warning: 2028-03-01 11:00-13:00 overlaps \"Praktik hos Brdr. Hansen\" (o-solo) "
                + "2028-03-01 08:00-12:00, which \(p[0].id) has booked\n")
    }

    func testExportThenImportGivesBackTheSameCatalogue() throws {
        try makeDemo()
        let extra = try file(
            "extra.csv",
            "title;kind;capacity;facilitators;suits;description;employer;contactName;contactPhone;"
                + "contactEmail;internshipStart;internshipEnd;hoursPerWeek;tasks\r\n"
                + "Arbeitserprobung;internship;1;Jörg Müller (employer)|Mette Holm (peer trainer);Alle, die gern draußen arbeiten;"
                + "\"Zwei Zeilen;\r\nmit \"\"Anführungszeichen\"\"\"; Müller GmbH;Jörg Müller;040 123;j@mueller.de;4.1.2027;26.3.2027;18,5;Lager\r\n",
            bom: true)
        var result = try stepwise(["offers", "import", extra])
        XCTAssertEqual(result.status, 0, result.stderr)

        let count = try catalogue().count
        let first = root.appendingPathComponent("first.csv").path
        result = try stepwise(["offers", "export", "--output", first])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "exported \(count) offers to \(first)\n")
        let exported = try Data(contentsOf: URL(fileURLWithPath: first))
        XCTAssertEqual(try stepwise(["offers", "export"]).stdoutData, exported, "standard output holds the same bytes")

        // Into an empty folder, then out again: the same bytes.
        let other = root.appendingPathComponent("other")
        XCTAssertEqual(try CLI.run(["init", "--data", other.path]).status, 0)
        result = try CLI.run(["offers", "import", first, "--data", other.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix(": \(count) added, 0 changed, 0 unchanged\n"), result.stdout)
        XCTAssertEqual(try CLI.run(["offers", "export", "--data", other.path]).stdoutData, exported)

        // Semicolons for a Danish spreadsheet, back into the same folder: nothing changes, bookings stay.
        let before = try catalogue()
        let semicolons = root.appendingPathComponent("semi.csv").path
        XCTAssertEqual(try stepwise(["offers", "export", "--output", semicolons, "--separator", ";"]).status, 0)
        XCTAssertTrue(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: semicolons)), as: UTF8.self)
                .hasPrefix("\u{FEFF}id;title;kind;status;sessions;"))
        result = try stepwise(["offers", "import", semicolons])
        XCTAssertEqual(result.stdout, "imported \(count) offers from \(semicolons): 0 added, 0 changed, \(count) unchanged\n")
        let after = try catalogue()
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted())
        for (id, offer) in before {
            XCTAssertEqual(after[id]?["booked"] as? Int, offer["booked"] as? Int, id)
            XCTAssertEqual(after[id]?["waiting"] as? Int, offer["waiting"] as? Int, id)
        }
        XCTAssertTrue(before.values.contains { ($0["booked"] as? Int ?? 0) > 0 }, "the demo has bookings to keep")
    }

    func testImportDialectsAndBrokenFiles() throws {
        try makeDemo()
        let before = try catalogue()
        let danish = try file("dansk.csv", "Titel ignored\r\n", bom: true)
        var result = try stepwise(["offers", "import", danish])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(danish): line 1, column 'Titel ignored': is not a known column"), result.stderr)

        let good = try file(
            "good.csv",
            "id;title;kind;capacity;sessions;description\r\n"
                + "o-cv;CV-værksted;workshop;12;03.12.2027 10:00-12:00|10/12/2027 10:00-12:00;\"Tag dit CV med;\r\nog en kuglepen\"\r\n",
            bom: true)
        result = try stepwise(["offers", "import", good])
        XCTAssertEqual(result.status, 0, result.stderr)
        let cv = try XCTUnwrap(try catalogue()["o-cv"])
        XCTAssertEqual((cv["sessions"] as? [[String: String]])?.map { $0["day"] ?? "" }, ["2027-12-03", "2027-12-10"])

        let bad = try file(
            "bad.csv",
            """
            id,title,kind,capacity,sessions
            o-one,One,workshop,4,2027-12-03 10:00-12:00
            o-two,Two,workshop,many,2027-12-03 10:00-12:00
            o-three,"Three, with comma",workshop,4,31.11.2027 10:00-12:00
            o-four,Four,workshop,4,2027-12-03 10:00-12:00

            """)
        result = try stepwise(["offers", "import", bad])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(
            result.stderr,
            """
            stepwise: \(bad): line 3, column 'capacity': "many" is not a whole number of seats
            stepwise: \(bad): line 4, column 'sessions': session 1 "31.11.2027 10:00-12:00": 31.11.2027 is not a date (use 2026-12-03 or 3.12.2026)
            stepwise: nothing imported: 2 lines with problems; fix them, or use --skip-bad to import the good rows

            """)
        XCTAssertNil(try catalogue()["o-one"], "nothing imported")
        result = try stepwise(["offers", "import", bad, "--skip-bad"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "imported 2 offers from \(bad): 2 added, 0 changed, 0 unchanged; skipped 2 bad rows (lines 3, 4)\n")
        XCTAssertNotNil(try catalogue()["o-four"])

        let unclosed = try file("unclosed.csv", "title,kind,capacity,description\nA,workshop,1,\"open\nB,workshop,2,x\n")
        result = try stepwise(["offers", "import", unclosed, "--skip-bad"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "stepwise: \(unclosed): line 2: a quoted field opened here is never closed (a \" is missing)\n"
                + "stepwise: nothing imported\n")
        let empty = try file("empty.csv", "")
        result = try stepwise(["offers", "import", empty])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("line 1: the file is empty"), result.stderr)
        result = try stepwise(["offers", "import", root.appendingPathComponent("missing.csv").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no such file"), result.stderr)
        XCTAssertEqual(try catalogue().count, before.count + 3)
    }

    func testBadUsage() throws {
        try makeDemo()
        for arguments in [
            ["offers"], ["offers", "frobnicate"], ["offers", "list", "--skip-bad"], ["offers", "import"],
            ["offers", "export", "--separator", "x"], ["offers", "list", "extra"], ["book"], ["unbook", "p-a"],
        ] {
            let result = try stepwise(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("stepwise: "), result.stderr)
        }
        let missing = try CLI.run(["offers", "list", "--data", root.appendingPathComponent("nowhere").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no data folder"), missing.stderr)
    }

    func testWrittenFilesMatchThePublishedSchemas() throws {
        let probe = try CLI.run(["python3", "-c", "import jsonschema"], executable: "/usr/bin/env")
        guard probe.status == 0 else { throw XCTSkip("python3 with jsonschema is not installed") }
        try makeDemo()
        let p = try people()
        let csv = try file(
            "rich.csv",
            """
            id,title,kind,capacity,waitlist,facilitators,suits,employer,contactName,contactEmail,internshipStart,hoursPerWeek,tasks
            o-rich,Praktik,internship,1,2,Lone Berg (employer)|Ali Khan (coach),Alle,Brdr. Hansen,Lone Berg,lone@hansen.dk,2027-01-04,18.5,Lager

            """)
        XCTAssertEqual(try stepwise(["offers", "import", csv]).status, 0)
        for person in p.prefix(3) { _ = try stepwise(["book", person.id, "o-rich"]) }
        _ = try stepwise(["unbook", p[0].id, "o-rich"])
        let script = """
            import json, glob, sys, jsonschema
            base, schemas = sys.argv[1], sys.argv[2]
            bad = 0
            for kind, folder in (("offer", "offers"), ("participant", "participants")):
                schema = json.load(open(f"{schemas}/{kind}.schema.json"))
                for path in sorted(glob.glob(f"{base}/{folder}/*.json")):
                    for error in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path))):
                        bad += 1
                        print(path, error.json_path, error.message)
            sys.exit(1 if bad else 0)
            """
        let result = try CLI.run(["python3", "-c", script, data.path, E2E.schemas.path], executable: "/usr/bin/env")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }
}
