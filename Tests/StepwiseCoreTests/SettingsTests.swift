import Foundation
import XCTest

@testable import StepwiseCore

/// The configuration file's format, the layers (system file, user file, environment,
/// options) and the checks of each key.
final class SettingsTests: XCTestCase {
    let languages = ["da", "de", "en", "sv"]
    let system = "/etc/stepwise/stepwise.conf"
    let user = "/home/anna/.config/stepwise/stepwise.conf"

    func resolve(_ files: [(String, String)], environment: [String: String] = [:], options: [String: String] = [:]) throws -> Settings {
        try Settings.resolve(
            files: files.map { (path: $0.0, text: $0.1) }, environment: environment, options: options, languages: languages)
    }

    func problem(_ files: [(String, String)], environment: [String: String] = [:], options: [String: String] = [:]) -> String {
        do {
            _ = try resolve(files, environment: environment, options: options)
            return "no problem"
        } catch {
            return "\(error)"
        }
    }

    func testTheFormatWithCommentsSectionsAndCoachKeys() throws {
        let text = """
            # Jobcenter Vejle
              data = /srv/stepwise
            language=da

            [organisation]
            name = Jobcenter Vejle = Vejle Kommune # not a comment
            phone = +45 76 81 00 00
            [coach anna]
            name = Anna Holm
            email = anna.holm@vejle.dk
            [course]
            weeks = 20
            conversations = 1, 10,19
            coach.bo.phone = 12 34 56 78
            """
        let entries = try SettingsFile.parse(text, file: system)
        XCTAssertEqual(
            entries.map(\.key),
            [
                "data", "language", "organisation.name", "organisation.phone", "coach.anna.name",
                "coach.anna.email", "course.weeks", "course.conversations", "course.coach.bo.phone",
            ])
        XCTAssertEqual(entries[2].value, "Jobcenter Vejle = Vejle Kommune # not a comment")
        XCTAssertEqual(entries[2].line, 6)
        // A key inside a section is prefixed by it: coach.bo.phone belongs before the first section.
        XCTAssertEqual(problem([(system, text)]), "\(system):14: course.coach.bo.phone: is not a setting (see 'stepwise config --help')")

        let settings = try resolve([(system, text.replacingOccurrences(of: "coach.bo.phone = 12 34 56 78", with: ""))])
        XCTAssertEqual(settings.dataFolder, "/srv/stepwise")
        XCTAssertEqual(settings.language, "da")
        XCTAssertEqual(settings.organisation.name, "Jobcenter Vejle = Vejle Kommune # not a comment")
        XCTAssertNil(settings.organisation.address)
        XCTAssertEqual(settings.coach("anna"), Settings.Coach(name: "Anna Holm", phone: nil, email: "anna.holm@vejle.dk"))
        XCTAssertEqual(settings.coach("bo"), Settings.Coach())
        XCTAssertEqual(settings.courseFrame, CourseFrame(weeks: 20, conversationWeeks: [1, 10, 19]))
        XCTAssertEqual(settings.values["course.weeks"]?.source, .file(path: system, line: 12))
    }

    func testEachLayerOverridesTheOneBefore() throws {
        let systemText = "data = /srv/stepwise\nlanguage = da\ntimezone = Europe/Copenhagen\n[coach anna]\nphone = 11 11 11 11\n"
        let userText = "language = sv\n[coach anna]\nphone = 22 22 22 22\n"
        var settings = try resolve([(system, systemText), (user, userText)])
        XCTAssertEqual(settings.values["data"], Settings.Value(value: "/srv/stepwise", source: .file(path: system, line: 1)))
        XCTAssertEqual(settings.values["language"], Settings.Value(value: "sv", source: .file(path: user, line: 1)))
        XCTAssertEqual(settings.coach("anna").phone, "22 22 22 22")

        settings = try resolve(
            [(system, systemText), (user, userText)],
            environment: ["STEPWISE_DATA": "/tmp/d", "STEPWISE_LANG": "de", "STEPWISE_TIMEZONE": "Europe/Berlin"])
        XCTAssertEqual(settings.values["data"], Settings.Value(value: "/tmp/d", source: .environment("STEPWISE_DATA")))
        XCTAssertEqual(settings.values["language"]?.source, .environment("STEPWISE_LANG"))
        XCTAssertEqual(settings.timeZone?.identifier, "Europe/Berlin")

        settings = try resolve(
            [(system, systemText), (user, userText)], environment: ["STEPWISE_DATA": "/tmp/d", "STEPWISE_LANG": "de"],
            options: ["--data": "relative/folder", "--lang": "en"])
        XCTAssertEqual(settings.values["data"], Settings.Value(value: "relative/folder", source: .option("--data")))
        XCTAssertEqual(settings.values["language"], Settings.Value(value: "en", source: .option("--lang")))
        XCTAssertEqual(settings.values["timezone"]?.source, .file(path: system, line: 3))
    }

    func testDefaultsWhenNothingIsSet() throws {
        let settings = try resolve([])
        XCTAssertNil(settings.dataFolder)
        XCTAssertNil(settings.language)
        XCTAssertNil(settings.timeZone)
        XCTAssertFalse(settings.signatureLine)
        XCTAssertEqual(settings.courseFrame, .standard)
        XCTAssertEqual(CourseFrame.standard.weeks, 26)
        XCTAssertEqual(CourseFrame.standard.conversationWeeks, [1, 13, 25])
        XCTAssertEqual(settings.listing.map(\.key), ["course.weeks", "course.conversations", "summary.signature"])
        XCTAssertTrue(settings.listing.allSatisfy { $0.value.source == .standard })
    }

    func testBadValuesNameTheFileLineAndKey() {
        XCTAssertEqual(
            problem([(system, "[course]\nweeks = 0\n")]), "\(system):2: course.weeks: '0' is not a number of weeks from 1 to 104")
        XCTAssertEqual(
            problem([(system, "course.weeks = twenty")]),
            "\(system):1: course.weeks: 'twenty' is not a number of weeks from 1 to 104")
        XCTAssertEqual(
            problem([(system, "course.conversations = 13, 1")]),
            "\(system):1: course.conversations: '13, 1' is not a list of course weeks in ascending order, e.g. 1, 13, 25")
        XCTAssertEqual(
            problem([(system, "course.conversations = 1, 13, 25"), (user, "\n\ncourse.weeks = 20")]),
            "\(system):1: course.conversations: '1, 13, 25' has a week after the course's last week, 20")
        XCTAssertEqual(problem([(system, "language = fr")]), "\(system):1: language: 'fr' is not one of the languages: da, de, en, sv")
        XCTAssertEqual(
            problem([(system, "timezone = Europe/Aarhus")]),
            "\(system):1: timezone: 'Europe/Aarhus' is not a time zone (e.g. Europe/Stockholm)")
        XCTAssertEqual(problem([(system, "summary.signature = maybe")]), "\(system):1: summary.signature: 'maybe' is not yes or no")
        XCTAssertEqual(problem([(system, "data = srv/stepwise")]), "\(system):1: data: 'srv/stepwise' is not an absolute path")
        XCTAssertEqual(
            problem([(user, "[coach anna]\nemail = anna at vejle.dk")]),
            "\(user):2: coach.anna.email: 'anna at vejle.dk' is not an e-mail address (name@example.org)")
        XCTAssertEqual(
            problem([(user, "[coach anna]\nphone = call me")]),
            "\(user):2: coach.anna.phone: 'call me' is not a phone number (digits, spaces and + - / ( ) only)")
        XCTAssertEqual(
            problem([(user, "[coach anna]\nfax = 12345")]), "\(user):2: coach.anna.fax: is not a setting (see 'stepwise config --help')")
        XCTAssertEqual(problem([(user, "organisation.name =")]), "\(user):1: organisation.name: needs a value")
        XCTAssertEqual(problem([(user, "langauge = da")]), "\(user):1: langauge: is not a setting (see 'stepwise config --help')")
        XCTAssertEqual(problem([(user, "language da")]), "\(user):1: expected 'key = value', a [section] or a # comment")
        XCTAssertEqual(problem([(user, "[coach anna holm]")]), "\(user):1: expected [section] or [section name], e.g. [coach anna]")
        XCTAssertEqual(problem([(user, "[coach]\nname = x")]), "\(user):2: coach.name: is not a setting (see 'stepwise config --help')")
        XCTAssertEqual(problem([(user, "language = da\n# again\nlanguage = sv")]), "\(user):3: language: is already set on line 1")
        // A bad value is reported even when a later layer overrides it.
        XCTAssertEqual(
            problem([(system, "timezone = Mars/Olympus")], environment: ["STEPWISE_TIMEZONE": "Europe/Oslo"]),
            "\(system):1: timezone: 'Mars/Olympus' is not a time zone (e.g. Europe/Stockholm)")
        XCTAssertEqual(
            problem([], environment: ["STEPWISE_LANG": "fi"]), "$STEPWISE_LANG: language: 'fi' is not one of the languages: da, de, en, sv")
        XCTAssertEqual(problem([], options: ["--lang": "xx"]), "--lang: language: 'xx' is not one of the languages: da, de, en, sv")
    }

    func testFilePathsFollowXDG() {
        XCTAssertEqual(Settings.filePaths(environment: ["HOME": "/home/anna"]), [system, user])
        XCTAssertEqual(
            Settings.filePaths(environment: ["HOME": "/home/anna", "XDG_CONFIG_HOME": "/cfg", "STEPWISE_CONFIG": "/opt/org.conf"]),
            ["/opt/org.conf", "/cfg/stepwise/stepwise.conf"])
        // A relative XDG_CONFIG_HOME is invalid by the XDG Base Directory specification and is ignored.
        XCTAssertEqual(Settings.filePaths(environment: ["HOME": "/home/anna", "XDG_CONFIG_HOME": "cfg"]), [system, user])
    }

    func testTheListingShowsCoachesByLogin() throws {
        let settings = try resolve([
            (system, "[coach bo]\nname = Bo\nphone = 123\n[coach anna]\nemail = a@b.dk\n[organisation]\nname = Vejle\n")
        ])
        XCTAssertEqual(
            settings.listing.map(\.key),
            [
                "organisation.name", "course.weeks", "course.conversations", "summary.signature",
                "coach.anna.email", "coach.bo.name", "coach.bo.phone",
            ])
    }

    /// A course created with a configured frame keeps it in its record; a record without
    /// `courseWeeks` (every record written before) keeps the standard 26 weeks.
    func testParticipantsKeepTheirFrame() throws {
        let frame = try XCTUnwrap(CourseFrame(weeks: 12, conversationWeeks: [1, 6, 12]))
        let start = try XCTUnwrap(Day(iso: "2026-01-05"))
        let stamp = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 0))
        let short = Participant(id: "p-short", name: "Ida", language: "da", courseStart: start, frame: frame, by: stamp)
        XCTAssertEqual(short.conversations.map(\.planned.iso), ["2026-01-05", "2026-02-09", "2026-03-23"])
        XCTAssertEqual(short.courseEnd.iso, "2026-03-29")
        XCTAssertEqual(short.courseFrame.position(start: start, today: try XCTUnwrap(Day(iso: "2026-03-30"))), .ended(daysAgo: 1))

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let roundTrip = try decoder.decode(Participant.self, from: encoder.encode(short))
        XCTAssertEqual(roundTrip, short)

        let standard = Participant(id: "p-std", name: "Ole", language: "da", courseStart: start, by: stamp)
        let json = String(decoding: try encoder.encode(standard), as: UTF8.self)
        XCTAssertFalse(json.contains("courseWeeks"), "a standard course writes the record as before")
        XCTAssertEqual(standard.courseEnd.iso, "2026-07-05")
        XCTAssertEqual(standard.conversations.count, 3)
        XCTAssertNil(CourseFrame(weeks: 10, conversationWeeks: [1, 13]))
        XCTAssertNil(CourseFrame(weeks: 105, conversationWeeks: [1]))
    }
}
