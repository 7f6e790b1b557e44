import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Spreadsheet files that stay data: formula cells, Excel's `sep=` line, the separator a
/// coach's spreadsheet expects, kinds typed as words, decimal commas, and a round trip
/// through real LibreOffice in Danish and German settings.
final class OfferSpreadsheetTests: XCTestCase {
    /// Offers whose cells a spreadsheet would change if they were written as they are.
    func trickyCatalogue() -> [Offer] {
        var formula = Offer(
            id: "o-formula", title: "=1+1", kind: "workshop", description: "- bring your CV\n- and a pen",
            sessions: [OfferSession(day: day("2027-02-01"), start: "10:00", end: "12:00")],
            place: "@Jobhuset", capacity: 8, language: "da")
        formula.suits = "+ anyone"
        formula.facilitators = [Facilitator(name: "Mette Holm", role: .peerTrainer)]
        var quoted = Offer(
            id: "o-quoted", title: "'Kaffe' og jobsøgning", kind: "network", description: "\tindented",
            sessions: [], place: "'", capacity: 3, language: "da")
        quoted.suits = "=HYPERLINK(\"http://example.com\",\"klik\")"
        var trial = Offer(
            id: "o-trial", title: "Praktik i lager", kind: "internship", description: "",
            sessions: [OfferSession(day: day("2027-03-01"), start: "08:00", end: "12:30")], place: "Lager", capacity: 1,
            language: "de")
        trial.internship = Internship(
            employer: "-Lager A/S", contact: ContactPerson(name: "Jörg", phone: "004520304050", email: "j@lager.dk"),
            start: day("2027-03-01"), end: day("2027-04-30"), hoursPerWeek: 7.5, tasks: "@ work")
        return [formula, quoted, trial]
    }

    func sorted(_ offers: [Offer]) -> [Offer] { offers.sorted { $0.id < $1.id } }

    func testFormulaCellsAreWrittenAsTextAndReadBackAsTyped() throws {
        let catalogue = trickyCatalogue()
        for separator: Character in [",", ";"] {
            let data = OfferCSV.export(catalogue, separator: separator)
            let text = String(decoding: data, as: UTF8.self)
            for cell in [
                "'=1+1", "'@Jobhuset", "'+ anyone", "\"'- bring your CV", "''Kaffe' og jobsøgning", "'\tindented",
                "'004520304050", "'-Lager A/S", "'@ work", "\"'=HYPERLINK(",
            ] {
                XCTAssertTrue(text.contains(cell), "\(cell) in \(text)")
            }
            XCTAssertTrue(text.contains(separator == "," ? ",7.5," : ";7,5;"), "decimals as the spreadsheet writes them")
            let parsed = OfferCSV.parse(data)
            XCTAssertEqual(parsed.problems, [])
            XCTAssertEqual(sorted(parsed.rows.map(\.offer)), sorted(catalogue))
        }
        XCTAssertEqual(CSVTable.protect("0"), "0", "a lone 0 is a number")
        XCTAssertEqual(CSVTable.protect("2027-02-01 10:00-12:00"), "2027-02-01 10:00-12:00")
        XCTAssertEqual(CSVTable.unprotect(CSVTable.protect("''")), "''")
        // Typed in a spreadsheet and saved (the ' that marks text is not saved): read as typed.
        let typed = OfferCSV.parse(Data("title;kind;capacity\r\n=1+1;workshop;3\r\n".utf8))
        XCTAssertEqual(typed.rows.first?.offer.title, "=1+1")
    }

    func testExcelsSepLineNamesTheSeparatorAndIsNoHeader() throws {
        for (bytes, separator) in [
            ("sep=;\r\ntitle;kind;capacity\r\nCV, ansøgning;workshop;3\r\n", Character(";")),
            ("SEP=,\ntitle,kind,capacity\n\"CV; ansøgning\",workshop,3\n", Character(",")),
            ("\u{FEFF}sep=\t\r\ntitle\tkind\tcapacity\r\nCV\tworkshop\t3\r\n", Character("\t")),
        ] {
            let parsed = OfferCSV.parse(Data(bytes.utf8))
            XCTAssertEqual(parsed.problems, [], bytes)
            XCTAssertEqual(parsed.separator, separator)
            XCTAssertEqual(parsed.rows.count, 1)
            XCTAssertEqual(parsed.rows.first?.line, 3, "line numbers count the sep= line")
        }
        let bad = OfferCSV.parse(Data("sep=;\r\ntitle;kind;capacity\r\nCV;workshop;three\r\n".utf8))
        XCTAssertEqual(bad.problems.map(\.line), [3])
    }

    func testTheSeparatorFollowsTheLanguageOfTheSpreadsheet() {
        XCTAssertEqual(OfferCSV.separator(forLanguage: "da"), ";")
        XCTAssertEqual(OfferCSV.separator(forLanguage: "sv"), ";")
        XCTAssertEqual(OfferCSV.separator(forLanguage: "de"), ";")
        XCTAssertEqual(OfferCSV.separator(forLanguage: "en"), ",")
    }

    func testKindsTypedAsWordsInAnyLanguageAreTheBuiltInKinds() throws {
        let rows: [(String, String)] = [
            ("Workshop", "workshop"), ("Virksomhedsbesøg", "companyVisit"), ("Arbeitserprobung", "internship"),
            ("praktikum / arbeitserprobung", "internship"), ("FÖRETAGSBESÖK", "companyVisit"), ("Company visit", "companyVisit"),
            ("Jobsøgningskursus", "jobSearchCourse"), ("Netzwerk", "network"), ("Mentorstöd", "mentor"), ("peer støttegruppe", "peerGroup"),
            ("companyVisit", "companyVisit"), ("Strikkeklub", "Strikkeklub"),
        ]
        let text = "title;kind;capacity\r\n" + rows.enumerated().map { "Offer \($0.offset);\($0.element.0);3" }.joined(separator: "\r\n")
        let parsed = OfferCSV.parse(Data(text.utf8))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.rows.map(\.offer.kind), rows.map(\.1))
        // Every name in every table stands for one kind only.
        let resources = resourcesURL
        for language in ["en", "da", "sv", "de"] {
            let table = try Localizer.load(language: language, resources: resources)
            for kind in OfferKind.builtIn {
                XCTAssertEqual(OfferKind.builtIn(named: table("offer.kind.\(kind)"), in: OfferKind.installedSpellings), kind, language)
            }
        }
    }

    func testHoursWithADecimalCommaOrPointAreANumber() {
        let text = "title;kind;capacity;hoursPerWeek\r\nA;internship;1;7,5\r\nB;internship;1;7.5\r\nC;internship;1;18\r\n"
        let parsed = OfferCSV.parse(Data(text.utf8))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.rows.map { $0.offer.internship?.hoursPerWeek }, [7.5, 7.5, 18])
    }

    func roundTrip(language: String, locale: String) throws {
        let catalogue = trickyCatalogue()
        let separator = OfferCSV.separator(forLanguage: language)
        let saved = try throughLibreOffice(OfferCSV.export(catalogue, separator: separator), locale: locale, separator: separator)
        let text = String(decoding: saved, as: UTF8.self)
        XCTAssertFalse(text.contains(";2;") || text.contains(",2,"), "=1+1 was not computed: \(text)")
        let parsed = OfferCSV.parse(saved)
        XCTAssertEqual(parsed.problems, [], text)
        XCTAssertEqual(parsed.separator, separator)
        XCTAssertEqual(sorted(parsed.rows.map(\.offer)), sorted(catalogue), text)

        // And into the data folder: the same catalogue, nothing changed.
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        for offer in catalogue { try temp.store.save(offer) }
        let report = OfferImport.run(saved, into: BookingStore(store: temp.store, identity: anna), skipBad: false)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.unchanged.sorted(), ["o-formula", "o-quoted", "o-trial"])
    }

    func testARoundTripThroughLibreOfficeInDanishSettingsGivesBackTheCatalogue() throws {
        try roundTrip(language: "da", locale: "da_DK.UTF-8")
    }

    func testARoundTripThroughLibreOfficeInGermanSettingsGivesBackTheCatalogue() throws {
        try roundTrip(language: "de", locale: "de_DE.UTF-8")
    }

    func testARoundTripThroughLibreOfficeInEnglishSettingsGivesBackTheCatalogue() throws {
        try roundTrip(language: "en", locale: "en_GB.UTF-8")
    }
}
