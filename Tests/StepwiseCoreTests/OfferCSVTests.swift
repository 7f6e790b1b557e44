import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The catalogue spreadsheet as Danish, Swedish, German and English spreadsheet programs write it.
final class OfferCSVTests: XCTestCase {
    func parse(_ text: String, bom: Bool = false) -> OfferCSV.Parsed {
        var counter = 0
        return OfferCSV.parse((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)) {
            counter += 1
            return "o-new\(counter)"
        }
    }

    // MARK: - Dialects

    func testCommaSeparatedEnglishWithISODates() throws {
        let parsed = parse(
            """
            id,title,kind,capacity,sessions,place,language
            o-cv,CV workshop,workshop,12,2026-12-03 10:00-12:00|2026-12-10 10:00-12:00,online,en

            """)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.separator, ",")
        let offer = try XCTUnwrap(parsed.rows.first?.offer)
        XCTAssertEqual(offer.id, "o-cv")
        XCTAssertEqual(offer.capacity, 12)
        XCTAssertEqual(offer.place, "online")
        XCTAssertEqual(offer.status, .open)
        XCTAssertEqual(
            offer.sessions,
            [
                OfferSession(day: day("2026-12-03"), start: "10:00", end: "12:00"),
                OfferSession(day: day("2026-12-10"), start: "10:00", end: "12:00"),
            ])
    }

    func testSemicolonSeparatedDanishWithBOMCRLFAndLocalDates() throws {
        let text =
            "id;title;kind;capacity;sessions;place;description\r\n"
            + "o-cv;CV-værksted;workshop;12;3.12.2026 10.00-12.00|10.12.2026 9:30-12:00;Jobhuset, Søndergade 12;\"Vi skriver CV; tag dit eget med\"\r\n"
            + ";Virksomhedsbesøg hos Grundfos;companyVisit;8;03/12/2026 13:00 - 15:00;Bjerringbro;\r\n"
        let parsed = parse(text, bom: true)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.separator, ";")
        XCTAssertEqual(parsed.encoding, "UTF-8 with BOM")
        XCTAssertEqual(parsed.rows.count, 2)
        let cv = parsed.rows[0].offer
        XCTAssertEqual(cv.title, "CV-værksted")
        XCTAssertEqual(cv.place, "Jobhuset, Søndergade 12")
        XCTAssertEqual(cv.description, "Vi skriver CV; tag dit eget med")
        XCTAssertEqual(
            cv.sessions,
            [
                OfferSession(day: day("2026-12-03"), start: "10:00", end: "12:00"),
                OfferSession(day: day("2026-12-10"), start: "09:30", end: "12:00"),
            ])
        XCTAssertEqual(parsed.rows[1].offer.id, "o-new1", "a row without an id gets a new one")
        XCTAssertFalse(parsed.rows[1].hasID)
        XCTAssertEqual(parsed.rows[1].offer.sessions.first?.day, day("2026-12-03"))
        XCTAssertEqual(parsed.rows[1].line, 3)
    }

    func testGermanDatesSwedishISOAndHeadersInAnyCaseAndOrder() throws {
        let parsed = parse(
            """
            Capacity;Kind;Title;Sessions;Status;Waitlist
            10;workshop;Bewerbungstraining für Ältere;03.12.2026 10:00-12:00;Open;0
            6;network;Nätverk för nyutexaminerade;2026-12-04 13:00-15:00;cancelled;
            """)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.rows.map(\.offer.title), ["Bewerbungstraining für Ältere", "Nätverk för nyutexaminerade"])
        XCTAssertEqual(parsed.rows[0].offer.waitlistLimit, 0)
        XCTAssertNil(parsed.rows[1].offer.waitlistLimit)
        XCTAssertEqual(parsed.rows[1].offer.status, .cancelled)
        XCTAssertEqual(parsed.rows[0].offer.sessions.first?.day, day("2026-12-03"))
    }

    func testQuotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text =
            "id,title,kind,capacity,description,facilitators\r\n"
            + "o-a,\"Lean, management\",upskilling,5,\"Line one\r\nLine \"\"two\"\", with comma\nLine three\",\"Mette Holm (peer trainer)|Ali Khan (Coach)\"\r\n"
            + "o-b,Next,workshop,3,,\r\n"
        let parsed = parse(text)
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.rows.map(\.offer.title), ["Lean, management", "Next"])
        XCTAssertEqual(parsed.rows[0].offer.description, "Line one\nLine \"two\", with comma\nLine three")
        XCTAssertEqual(
            parsed.rows[0].offer.facilitators,
            [
                Facilitator(name: "Mette Holm", role: .peerTrainer),
                Facilitator(name: "Ali Khan", role: .coach),
            ])
        XCTAssertEqual(parsed.rows[1].line, 5, "a row's line is the physical line it starts on")
    }

    func testLoneCarriageReturnsAndBlankRowsAndTrailingEmptyColumns() {
        let parsed = parse("title;kind;capacity;;\r;;;;\rA;workshop;1;;\r\rB;network;2;;\r")
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.rows.map(\.offer.title), ["A", "B"])
        XCTAssertEqual(parsed.rows.map(\.line), [3, 5])
    }

    func testWindows1252FromOlderSpreadsheetsIsRead() {
        let bytes: [UInt8] = Array("title;kind;capacity\r\nCV-v".utf8) + [0xE6] + Array("rksted;workshop;4\r\n".utf8)
        let parsed = OfferCSV.parse(Data(bytes))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.encoding, "Windows-1252")
        XCTAssertEqual(parsed.rows.first?.offer.title, "CV-værksted")
    }

    func testInternshipColumns() throws {
        let parsed = parse(
            """
            title;kind;capacity;employer;contactName;contactPhone;contactEmail;internshipStart;internshipEnd;hoursPerWeek;tasks
            Praktik i lager;internship;1;Brdr. Hansen A/S;Lone Berg;+45 12 34 56 78;lone@hansen.dk;4.1.2027;28.2.2027;18,5;"Plukke varer
            Pakke ordrer"
            """)
        XCTAssertEqual(parsed.problems, [])
        let internship = try XCTUnwrap(parsed.rows.first?.offer.internship)
        XCTAssertEqual(internship.employer, "Brdr. Hansen A/S")
        XCTAssertEqual(internship.contact, ContactPerson(name: "Lone Berg", phone: "+45 12 34 56 78", email: "lone@hansen.dk"))
        XCTAssertEqual(internship.start, day("2027-01-04"))
        XCTAssertEqual(internship.end, day("2027-02-28"))
        XCTAssertEqual(internship.hoursPerWeek, 18.5)
        XCTAssertEqual(internship.tasks, "Plukke varer\nPakke ordrer")
    }

    // MARK: - Broken files

    func testEmptyFile() {
        for text in ["", "\u{FEFF}", "\r\n\r\n"] {
            let parsed = parse(text)
            XCTAssertTrue(parsed.fileIsBad)
            XCTAssertEqual(parsed.problems.count, 1)
            XCTAssertTrue(parsed.problems[0].reason.contains("empty"), parsed.problems[0].description)
        }
        let headerOnly = parse("title,kind,capacity\n")
        XCTAssertTrue(headerOnly.fileIsBad)
        XCTAssertTrue(headerOnly.problems[0].reason.contains("no offers"))
    }

    func testUnclosedQuoteNamesTheLineItOpensOn() {
        let parsed = parse("title,kind,capacity,description\nA,workshop,1,ok\nB,workshop,2,\"never closed\nC,workshop,3,x\n")
        XCTAssertTrue(parsed.fileIsBad)
        XCTAssertEqual(parsed.problems.map(\.line), [3])
        XCTAssertTrue(parsed.problems[0].reason.contains("never closed"))
    }

    func testBadHeader() {
        let parsed = parse("title,kind,seats,colour\nA,workshop,1,red\n")
        XCTAssertTrue(parsed.fileIsBad)
        XCTAssertEqual(parsed.problems.map(\.column), ["seats", "colour", "capacity"])
        XCTAssertTrue(parsed.problems[1].description.hasPrefix("line 1, column 'colour': is not a known column"))
        XCTAssertEqual(parsed.problems[2].description, "line 1, column 'capacity': is missing from the header line")
    }

    func testBadRowsAreReportedByLineAndColumnAndGoodRowsKept() {
        let parsed = parse(
            """
            id,title,kind,capacity,sessions,status,contactEmail,facilitators
            o-a,Good,workshop,4,2026-12-03 10:00-12:00,open,,
            o-b,Too many,workshop,4,,open,,,extra
            o-c,Short,workshop,4
            o-d,Bad capacity,workshop,twelve,,,,
            o-e,Negative,workshop,-1,,,,
            o-f,Bad date,workshop,4,31.11.2026 10:00-12:00,,,
            o-g,Bad time,workshop,4,2026-12-03 14:00-12:00,,,
            o-h,Bad status,workshop,4,,maybe,,
            o-i,Bad email,workshop,4,,,lone.hansen.dk,
            o-j,Bad role,workshop,4,,,,Mette (boss)
            O/K,Bad id,workshop,4,,,,
            o-a,Duplicate,workshop,4,,,,
            ,,workshop,4,,,,
            """)
        XCTAssertFalse(parsed.fileIsBad)
        XCTAssertEqual(parsed.rows.map(\.offer.id), ["o-a"])
        let found = parsed.problems.map { "\($0.line) \($0.column ?? "-")" }
        XCTAssertEqual(
            found,
            [
                "3 -", "4 -", "5 capacity", "6 capacity", "7 sessions", "8 sessions", "9 status",
                "10 contactEmail", "11 facilitators", "12 id", "13 id", "14 title",
            ])
        XCTAssertEqual(parsed.problems[2].description, "line 5, column 'capacity': \"twelve\" is not a whole number of seats")
        XCTAssertTrue(parsed.problems[4].reason.contains("31.11.2026 is not a date"), parsed.problems[4].reason)
        XCTAssertTrue(parsed.problems[5].reason.contains("before it starts"), parsed.problems[5].reason)
        XCTAssertTrue(parsed.problems[1].reason.contains("has 4 fields but the header has 8"), parsed.problems[1].reason)
    }

    /// Sessions typed in one field may be separated by `;`, `|` or `,`, as people list dates.
    func testTypedSessionsAcceptEachSeparator() throws {
        let expected = [
            OfferSession(day: day("2026-12-03"), start: "10:00", end: "12:00"), OfferSession(day: day("2026-12-10"), start: "10:00", end: "12:00"),
        ]
        for typed in ["3.12.2026 10-12; 10.12.2026 10:00-12:00", "3.12.2026 10-12, 10.12.2026 10.00-12", "3.12.2026 10-12|10.12.2026 10-12"] {
            XCTAssertEqual(try OfferCSV.sessions(typed).get(), expected, typed)
        }
    }

    func testDates() {
        XCTAssertEqual(OfferCSV.date("2026-12-03"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("3.12.2026"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("03.12.2026"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("3/12/2026"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("03-12-2026"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("3.12.26"), day("2026-12-03"))
        XCTAssertEqual(OfferCSV.date("2026/12/3"), day("2026-12-03"))
        XCTAssertNil(OfferCSV.date("3.12."), "the year is needed in a file")
        XCTAssertNil(OfferCSV.date("29.2.2027"))
        XCTAssertNil(OfferCSV.date("12/31/2026"), "day first, never month first")
        XCTAssertEqual(OfferCSV.time("9:30"), "09:30")
        XCTAssertEqual(OfferCSV.time("10.00"), "10:00")
        XCTAssertEqual(OfferCSV.time("10"), "10:00")
        XCTAssertNil(OfferCSV.time("24:00"))
        XCTAssertNil(OfferCSV.time("10:5"))
    }

    // MARK: - Export and import

    func sampleCatalogue() -> [Offer] {
        var lean = Offer(
            id: "o-lean", title: "Lean, \"management\"", kind: "upskilling",
            description: "Three days.\nBring lunch; coffee is free.",
            sessions: [
                OfferSession(day: day("2026-12-03"), start: "09:00", end: "15:00"),
                OfferSession(day: day("2026-12-04"), start: "09:00", end: "15:00"),
            ],
            place: "Erhvervsskolen, Aarhus", capacity: 10, language: "da")
        lean.facilitators = [Facilitator(name: "Ali Khan", role: .teacher), Facilitator(name: "Mette Holm", role: .peerTrainer)]
        lean.suits = "Anyone who has led a team"
        lean.waitlistLimit = 4
        var trial = Offer(
            id: "o-trial", title: "Arbeitserprobung im Lager", kind: "internship", description: "",
            sessions: [], place: "Hamburg", capacity: 1, language: "de")
        trial.internship = Internship(
            employer: "Müller GmbH",
            contact: ContactPerson(
                name: "Jörg Müller", phone: "040 123",
                email: "j@mueller.de"),
            start: day("2027-01-04"), end: day("2027-03-26"), hoursPerWeek: 18.5, tasks: "Lager, Inventur")
        var gone = Offer(
            id: "o-gone", title: "Theme day", kind: "themeDay", description: " spaces kept ",
            sessions: [OfferSession(day: day("2026-11-30"), start: "10:00", end: "14:00")],
            place: "online", capacity: 0, language: "sv")
        gone.status = .cancelled
        return [lean, trial, gone]
    }

    func testExportThenParseGivesBackTheSameCatalogueInEverySeparator() throws {
        let catalogue = sampleCatalogue()
        for separator: Character in [",", ";", "\t"] {
            let data = OfferCSV.export(catalogue, separator: separator)
            XCTAssertTrue(data.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so that spreadsheet programs read UTF-8")
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\r\n"))
            let parsed = OfferCSV.parse(data)
            XCTAssertEqual(parsed.problems, [])
            XCTAssertEqual(parsed.separator, separator)
            let back = parsed.rows.map(\.offer).sorted { $0.id < $1.id }
            XCTAssertEqual(back, catalogue.sorted { $0.id < $1.id })
        }
    }

    func testImportKeepsBookingsAndPersonalDetailsAndRefusesBadFilesWhole() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var catalogue = sampleCatalogue()
        catalogue[0].booked = [Seat(participantId: "p-a", since: Date(timeIntervalSince1970: 1_800_000_000))]
        catalogue[2].waiting = [Seat(participantId: "p-b", since: Date(timeIntervalSince1970: 1_800_000_100))]
        // An older file's adjustments, not yet moved to the one participant they were agreed for.
        catalogue[1].internship?.unmoved = UnmovedPlacement(
            accommodations: Accommodations(shorterDays: true, mentor: "Jörg", other: "Start at 10"),
            followUps: [FollowUpMeeting(day: day("2027-01-15"), status: .planned)])
        for offer in catalogue { try temp.store.save(offer) }
        let bookings = BookingStore(store: temp.store, identity: anna)

        // Export, then import into the same folder: nothing changes.
        let exported = OfferCSV.export(temp.store.loadOffers().offers)
        var report = OfferImport.run(exported, into: bookings, skipBad: false)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.unchanged.sorted(), ["o-gone", "o-lean", "o-trial"])
        XCTAssertEqual(temp.store.loadOffers().offers.sorted { $0.id < $1.id }, catalogue.sorted { $0.id < $1.id })

        // Into an empty folder: the same catalogue, without seats and personal details.
        let fresh = TempStore()
        defer { fresh.cleanUp() }
        report = OfferImport.run(exported, into: BookingStore(store: fresh.store, identity: anna), skipBad: false)
        XCTAssertEqual(report.added.sorted(), ["o-gone", "o-lean", "o-trial"])
        XCTAssertEqual(fresh.store.loadOffers().offers.sorted { $0.id < $1.id }, sampleCatalogue().sorted { $0.id < $1.id })

        // A changed title keeps the seats; one bad row stops the whole file.
        let edited = String(decoding: exported, as: UTF8.self).replacingOccurrences(of: "Theme day", with: "Temadag")
        let broken = edited.replacingOccurrences(of: ",10,4,", with: ",ten,4,")
        report = OfferImport.run(Data(broken.utf8), into: bookings, skipBad: false)
        XCTAssertTrue(report.refused)
        XCTAssertEqual(report.problems.map(\.column), ["capacity"])
        XCTAssertEqual(try temp.store.loadOffer("o-gone").title, "Theme day", "nothing imported")
        report = OfferImport.run(Data(broken.utf8), into: bookings, skipBad: true)
        XCTAssertFalse(report.refused)
        XCTAssertEqual(report.changed, ["o-gone"])
        XCTAssertEqual(try temp.store.loadOffer("o-gone").title, "Temadag")
        XCTAssertEqual(try temp.store.loadOffer("o-lean").booked.map(\.participantId), ["p-a"])

        // Fewer seats than are booked is refused; more seats promote the first in line.
        let shrunk = String(decoding: exported, as: UTF8.self).replacingOccurrences(of: ",10,4,", with: ",0,4,")
        report = OfferImport.run(Data(shrunk.utf8), into: bookings, skipBad: false)
        XCTAssertTrue(report.refused)
        XCTAssertTrue(report.problems.first?.reason.contains("already booked") == true)
        XCTAssertEqual(try temp.store.loadOffer("o-lean").capacity, 10)
    }

    func testImportRaisingCapacityPromotesAndCancellingTellsTheJournals() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let stamp = Stamp(by: "A", at: Date())
        for id in ["p-a", "p-b"] {
            try temp.store.save(Participant(id: id, name: id, language: "da", courseStart: day("2026-11-02"), by: stamp))
        }
        var offer = Offer(id: "o-x", title: "X", kind: "workshop", description: "", sessions: [], place: "", capacity: 1, language: "da")
        offer.booked = [Seat(participantId: "p-a", since: Date())]
        offer.waiting = [Seat(participantId: "p-b", since: Date())]
        try temp.store.save(offer)
        let bookings = BookingStore(store: temp.store, identity: anna)
        var report = OfferImport.run(Data("id,title,kind,capacity\no-x,X,workshop,2\n".utf8), into: bookings, skipBad: false)
        XCTAssertEqual(report.changed, ["o-x"])
        XCTAssertEqual(try temp.store.loadOffer("o-x").booked.map(\.participantId), ["p-a", "p-b"])
        XCTAssertEqual(try temp.store.loadParticipant("p-b").journal.map(\.kind), [.promoted])
        report = OfferImport.run(Data("id,title,kind,capacity,status\no-x,X,workshop,2,cancelled\n".utf8), into: bookings, skipBad: false)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(try temp.store.loadOffer("o-x").status, .cancelled)
        XCTAssertEqual(try temp.store.loadParticipant("p-a").journal.map(\.kind), [.offerCancelled])
        XCTAssertEqual(try temp.store.loadParticipant("p-b").journal.map(\.kind), [.promoted, .offerCancelled])
    }

    func testAnUpdateWithFewerColumnsKeepsTheFieldsOfTheOthers() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var catalogue = sampleCatalogue()
        catalogue[1].internship?.unmoved = UnmovedPlacement(accommodations: Accommodations(quietWorkplace: true), followUps: [])
        for offer in catalogue { try temp.store.save(offer) }
        let csv =
            "id,title,kind,capacity,employer\no-gone,Theme day,themeDay,0,\no-lean,Lean,upskilling,10,\no-trial,Praktik,internship,1,Schmidt KG\n"
        let report = OfferImport.run(Data(csv.utf8), into: BookingStore(store: temp.store, identity: anna), skipBad: false)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.unchanged, ["o-gone"], "still cancelled, description and sessions kept")
        let lean = try temp.store.loadOffer("o-lean")
        var expected = catalogue[0]
        expected.title = "Lean"
        XCTAssertEqual(lean, expected)
        let trial = try temp.store.loadOffer("o-trial")
        XCTAssertEqual(trial.internship?.employer, "Schmidt KG")
        XCTAssertEqual(trial.internship?.hoursPerWeek, 18.5)
        XCTAssertEqual(trial.internship?.unmoved?.accommodations, Accommodations(quietWorkplace: true))
    }

    func testOlderOfferFilesWithoutTheNewFieldsStillRead() throws {
        let json =
            #"{"schemaVersion":1,"id":"o-old","title":"Old","kind":"workshop","description":"","sessions":[],"place":"","capacity":3,"language":"da","status":"open","booked":[],"waiting":[]}"#
        let offer = try RecordCodec.offer(from: Data(json.utf8), file: "offers/o-old.json")
        XCTAssertEqual(offer.facilitators, [])
        XCTAssertEqual(offer.suits, "")
        XCTAssertNil(offer.waitlistLimit)
        XCTAssertNil(offer.internship)
        let text = String(decoding: try RecordCodec.encode(offer), as: UTF8.self)
        XCTAssertFalse(text.contains("internship"), "absent details stay absent")
    }
}
