import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Words a coach and a citizen read at 80×24 in every language: one term for each concept,
/// counts that say what is shown, figures a person understands, both offers of a clash named,
/// and columns that stay in line.
final class PlainWordsTests: XCTestCase {
    private let languages = ["en", "da", "sv", "de"]

    private func table(_ language: String) throws -> [String: String] {
        try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: resourcesURL.appendingPathComponent("strings/\(language).json")))
    }

    /// A coaching session (the `s` key, the notes tab's list) and a mandatory conversation of
    /// the course are two things: each has its own word in every language (Danish møde and
    /// samtale, Swedish möte and samtal as Arbetsförmedlingen says them, German Treffen and
    /// Gespräch).
    func testASessionAndAMandatoryConversationHaveTheirOwnWords() throws {
        let session = ["en": "session", "da": "møde", "sv": "möte", "de": "treffen"]
        let conversation = ["en": "conversation", "da": "samtale", "sv": "samtal", "de": "gespräch"]
        let sessionKeys = [
            "action.session", "action.session.help", "form.startSession.title", "form.endSession.title", "notes.sessions",
            "notes.noSessions", "session.inProgress", "session.inProgressShort", "field.sessionKind", "progress.doneSinceSession",
            "change.session", "action.filter.help",
        ]
        let conversationKeys = ["plan.conversations", "conversation.number", "participant.next", "caseload.column.next", "summary.conversation"]
        try expect(sessionKeys, say: session, never: conversation)
        try expect(conversationKeys, say: conversation, never: session)
    }

    /// The course (26 weeks) and an offer booked in it are two things too: Swedish says
    /// program for the course and insats for an offer, as Danish says forløb and tilbud and
    /// German Maßnahme and Angebot.
    func testTheCourseAndAnOfferHaveTheirOwnWords() throws {
        let course = ["en": "course", "da": "forløb", "sv": "program", "de": "maßnahme"]
        let offer = ["en": "offer", "da": "tilbud", "sv": "insats", "de": "angebot"]
        let courseKeys = [
            "caseload.column.course", "participant.course", "course.ended", "summary.fact.course", "summary.courseEnded",
            "report.participants.inCourse", "report.participants.medianWeeks", "report.results", "form.outcome.title",
        ]
        try expect(courseKeys, say: course, never: offer)
    }

    /// One word for one thing within a language: Danish says udgave for a version of the plan
    /// and coach for the coach (not also version and jobkonsulent), and opgivet for dropped.
    func testDanishSaysEachThingOneWay() throws {
        // "--version" of the command line is the program's version, not the plan's.
        for (key, text) in try table("da") where key != "cli.overview.options" {
            let words = text.replacingOccurrences(of: "\\{[a-zA-Z]+\\}", with: "", options: .regularExpression).lowercased()
            for word in ["version", "jobkonsulent", "droppet"] {
                XCTAssertFalse(words.contains(word), "da \(key): \(text)")
            }
        }
    }

    /// Every text of `keys` holds the word `say` gives for its language and not the one
    /// `never` gives (both lowercase).
    private func expect(_ keys: [String], say: [String: String], never: [String: String], line: UInt = #line) throws {
        for language in languages {
            let t = try table(language)
            for key in keys {
                let text = (t[key] ?? "").lowercased()
                XCTAssertTrue(text.contains(say[language] ?? "?"), "\(language) \(key): \(text)", line: line)
                XCTAssertFalse(text.contains(never[language] ?? "?"), "\(language) \(key): \(text)", line: line)
            }
        }
    }

    /// No figure is glued to a letter as an abbreviation ("siden u1", "seit F2"): the word is
    /// written out ("siden udgave 1").
    func testNoPlaceholderIsGluedToALetter() throws {
        // A placeholder's name is lower camel case ("\\u{XX}" in a help text is not one).
        let glued = try NSRegularExpression(pattern: "\\p{L}\\{[a-z][a-zA-Z]*\\}")
        for language in languages {
            for (key, text) in try table(language) {
                let range = NSRange(text.startIndex..., in: text)
                XCTAssertNil(glued.firstMatch(in: text, range: range), "\(language) \(key): \(text)")
            }
        }
        let s = Fixtures.env("da").strings
        XCTAssertEqual(s("plan.changesSince", count: 2, ["v": "1"]), "2 ændringer siden udgave 1")
        // The plan tab's header says the changes whole at 80 columns (in German the writer line
        // leaves room for the version only; wider screens show both).
        let (participant, history) = Fixtures.sorenWithPlan
        for language in ["en", "da", "sv"] {
            var state = Fixtures.state()
            state.open = OpenParticipant(participant: participant, heldBy: nil)
            state.open?.history = history
            let strings = Fixtures.env(language).strings
            let changes = strings("plan.changesSince", count: 2, ["v": "1"])
            let header = Fixtures.screen(state, language).lines()[ParticipantView.top].trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(header.hasSuffix("  " + changes) || header.hasSuffix(" · " + changes), "\(language): \(header)")
        }
    }

    /// The catalogue's and the job board's counts say how many of how many are shown when a
    /// filter hides some, in the plural the total asks for.
    func testTheCatalogueAndTheBoardCountWhatTheyShow() {
        let expected = [
            "en": ("2 offers", "1 of 2 offers shown", "1 of 4 jobs shown"),
            "da": ("2 tilbud", "1 af 2 tilbud vises", "1 af 4 job vises"),
            "sv": ("2 insatser", "1 av 2 insatser visas", "1 av 4 jobb visas"),
            "de": ("2 Angebote", "1 von 2 Angeboten angezeigt", "1 von 4 Stellen angezeigt"),
        ]
        for (language, words) in expected {
            let env = Fixtures.env(language)
            var state = Fixtures.state()
            state.catalogue = CatalogueState()
            var top = Renderer.render(state, env: env).lines()[0]
            XCTAssertTrue(top.hasSuffix(words.0), "\(language): \(top)")
            state.catalogue?.filter.query = "Mentorstøtte"
            top = Renderer.render(state, env: env).lines()[0]
            XCTAssertTrue(top.hasSuffix(words.1), "\(language): \(top)")
            var board = BoardScreenTests.board()
            board.board?.query = "Barista"
            top = Renderer.render(board, env: env).lines()[0]
            XCTAssertTrue(top.hasSuffix(words.2), "\(language): \(top)")
        }
        let s = Fixtures.env("sv").strings
        XCTAssertEqual(ShownCount.text("catalogue", shown: 0, of: 1, strings: s), "0 av 1 insats visas")
    }

    /// A median of nobody reads "–", a median hidden to protect a small group reads as a word,
    /// and the legend at the head of the report says what both mean.
    func testTheReportsHiddenAndEmptyFiguresAreWordsTheLegendExplains() {
        let hidden = ["en": "hidden", "da": "skjult", "sv": "dold", "de": "verdeckt"]
        for language in languages {
            let env = Fixtures.env(language)
            let s = env.strings
            XCTAssertEqual(Report.words(.withheld, strings: s), hidden[language], language)
            let legend = Report.legend(s)
            XCTAssertTrue(legend.contains(hidden[language] ?? "?") && legend.contains("–") && legend.contains("< 5"), legend)
            XCTAssertFalse(legend.contains("*"), legend)
            let today = Fixtures.today
            let empty = Report(
                tally: ReportTally(), offers: [], query: .lastTwelveMonths(today: today), indicators: env.indicators, strings: s,
                today: today)
            let median = empty.tables.first { $0.id == "participants" }?.rows.first { $0.id == "medianWeeks" }?.cells
            XCTAssertEqual(median, [ReportCell.none], "nobody counted: nothing to measure, nothing hidden")
            let text = empty.written(as: .text, strings: s)
            XCTAssertTrue(text.contains(legend), text)
            XCTAssertFalse(text.contains("*"), text)
        }
    }

    /// Booking an offer that clashes with another asks a question that names both offers,
    /// each quoted as the language quotes, whole on the screen at 80×24.
    func testTheClashQuestionNamesBothOffers() {
        var other = Offer(
            id: "o-job", title: "Jobsøgning for begyndere", kind: "course", description: "",
            sessions: [OfferSession(day: Day(iso: "2026-11-30") ?? Fixtures.today, start: "10:30", end: "12:00")],
            place: "Jobhuset", capacity: 8, language: "da")
        other.booked = []
        let quoted = ["en": ("“", "”"), "da": ("“", "”"), "sv": ("”", "”"), "de": ("„", "“")]
        for language in languages {
            let env = Fixtures.env(language)
            var state = Fixtures.state()
            state.offers.append(other)
            let overlaps = Booking.overlaps(of: other, for: Fixtures.soren, among: state.offers)
            XCTAssertEqual(overlaps.count, 1)
            let question = OfferMessages.clash(other, with: overlaps, strings: env.strings)
            let (open, close) = quoted[language] ?? ("", "")
            for title in ["Jobsøgning for begyndere", "Mentorstøtte"] {
                XCTAssertTrue(question.contains(open + title + close), "\(language): \(question)")
            }
            state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
            state.open?.tab = .offers
            state.confirm = Confirm(purpose: .book(other.id), question: question)
            let screen = Renderer.render(state, env: env).lines().joined(separator: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            for title in ["Jobsøgning for begyndere", "Mentorstøtte"] {
                XCTAssertTrue(screen.contains(title), "\(language): \(screen)")
            }
        }
    }

    /// On the Progress tab the changes ("▲ +1 since then") start in one column on every bar,
    /// whatever the width of the change ("■ 0", "▲ +1", "▼ −1,5").
    func testTheChangesStandInOneColumn() {
        let items: [IndicatorChart.Item] = [
            .init(label: "A", first: 4, previous: 4, latest: 4),
            .init(label: "B", first: 5, previous: 5, latest: 6),
            .init(label: "C", first: 6, previous: 5, latest: 4.5),
        ]
        for language in languages {
            let s = Fixtures.env(language).strings
            let since = s("chart.sinceThen", ["change": "\u{1}"]).components(separatedBy: "\u{1}")[1]
            for width in [78, 130] {
                let rows = IndicatorChart.lines(items, strings: s, width: width).map { $0.segments.map(\.text).joined() }
                    .filter { $0.contains(since) }
                XCTAssertEqual(rows.count, 6, rows.joined(separator: "\n"))
                let columns = Set(rows.map { row in DisplayWidth.of(String(row[..<(row.firstIndex { "▲■▼".contains($0) } ?? row.endIndex)])) })
                XCTAssertEqual(columns.count, 1, "\(language) \(width):\n" + rows.joined(separator: "\n"))
            }
        }
    }

    /// "The last N months" end today and start the day after the same day N months before;
    /// a day the earlier month lacks is its last day; periods follow each other without a gap.
    func testAPeriodOfMonthsIsCalendarMonths() {
        func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }
        let today = day("2026-11-30")
        XCTAssertEqual(ReportQuery.lastMonths(6, today: today), ReportQuery(from: day("2026-05-31"), to: today))
        XCTAssertEqual(ReportQuery.lastMonths(6, back: 1, today: today), ReportQuery(from: day("2025-12-01"), to: day("2026-05-30")))
        XCTAssertEqual(ReportQuery.lastMonths(1, today: today), ReportQuery(from: day("2026-10-31"), to: today))
        XCTAssertEqual(ReportQuery.lastMonths(3, today: day("2026-05-31")), ReportQuery(from: day("2026-03-01"), to: day("2026-05-31")))
        XCTAssertEqual(ReportQuery.lastTwelveMonths(today: day("2028-03-01")), ReportQuery(from: day("2027-03-02"), to: day("2028-03-01")))
        XCTAssertEqual(ReportQuery.lastMonths(12, today: day("2026-01-15")), ReportQuery(from: day("2025-01-16"), to: day("2026-01-15")))
        var screen = ReportScreen()
        screen.months = 6
        screen.scope = .organisation
        XCTAssertEqual(screen.query(today: today, coach: "Anna"), ReportQuery(from: day("2026-05-31"), to: today))
    }
}
