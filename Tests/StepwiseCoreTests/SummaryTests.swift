import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The plan summary: what it holds, in each language and format, and how it is laid out on
/// A4 pages (nothing cut, nothing wider than the page, a header on every page).
final class SummaryTests: XCTestCase {
    let languages = ["en", "da", "sv", "de"]

    func testTextSnapshotsInEveryLanguage() throws {
        for language in languages {
            let summary = try SummaryFixture.summary(language: language)
            expectSnapshot(summary.text().joined(separator: "\n"), named: "summary-text-\(language)")
        }
    }

    func testMarkdownSnapshotsInEveryLanguage() throws {
        for language in languages {
            expectSnapshot(try SummaryFixture.summary(language: language).markdown(), named: "summary-markdown-\(language)")
        }
    }

    func testHTMLSnapshotsInEveryLanguage() throws {
        for language in languages {
            expectSnapshot(try SummaryFixture.summary(language: language).html(), named: "summary-html-\(language)")
        }
    }

    func testTheSummaryHoldsWhatTheCitizenTakesHome() throws {
        let lines = try SummaryFixture.summary(language: "en").text()
        XCTAssertTrue(lines.contains("    first ███░░░░░░░  3   now ██████░░░░  6   ▲ +3   ▂▄▄"), "bars keep their spacing")
        // Wrapping aside: the words in order.
        let text = lines.joined(separator: "\n").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "My plan: Maja Jensen", "5 Oct 2026 – 4 Apr 2027, week 9 of 26", "My coach  Anna Holm",
            // Contacts: only those the citizen said yes to.
            "Lise Berg · Social services · 33 12 34 56 · lise.berg@kommune.example",
            // Goals and steps in the citizen's own words, with status and who does it.
            "Job: “Work in a warehouse, 20 hours a week”", "● “Update my CV” · me · by Fri 4 Dec 2026 · done",
            "◐ “Visit two warehouses” · me · by Thu 10 Dec 2026 · → Company visit: Nordlager · doing",
            "? suggestion, not yet accepted · Call the union about my rights (written by my coach)",
            "? suggestion, not yet accepted · Health: Sleep before midnight on weekdays",
            // Offers with dates, times and places; waitlist places too.
            "CV workshop · Jobhuset, Vestergade 1", "Thu 10 Dec 2026, 10:00–12:00", "dates already passed: 1", "with Mette Holm",
            "Company visit: Nordlager · Nordlager A/S; gate 3", "Tue 15 Dec 2026, 09:00–11:30",
            "Network for the long-term unemployed · online · on the waiting list, number 2 in line",
            "Work trial at Bageri Sol", "at Bageri Sol · 4 Jan 2027 – 26 Feb 2027 · 18.5 hours a week",
            // Appointments in date order: the agreed meeting, then the open conversations.
            "• Tue 8 Dec 2026, 10:00 (week 50) · Next meeting with my coach · Jobhuset", "Who contacts whom: I call Anna on Monday",
            "• Mon 28 Dec 2026 (week 53) · Mandatory conversation 2 with my coach",
            "• Mon 22 Mar 2027 (week 12) · Mandatory conversation 3 with my coach",
            // The agreements of the last ended session.
            "At Conversation 1 on Mon 5 Oct 2026:", "“I update my CV before Friday.", "Anna books the company visit.”",
            // Progress: first → now with bars, arrow and number, sparkline.
            "I can handle my health in an ordinary week", "first ███░░░░░░░ 3 now ██████░░░░ 6 ▲ +3 ▂▄▄",
            "3 ratings, the latest on 3 Dec 2026", "1 of 4 steps done, 1 under way", "✓ 20 Nov 2026 · CV ready",
            // The coach's own rating, labelled as the coach's.
            "My coach's own rating: how likely my coach thinks a job or education is",
            // About me, including the support the citizen does not want.
            "Good at, have done: “Lifting, sorting, being on time”", "Support I do not want: “No phone calls before ten”",
            // Weekly sessions on one line; a moved one on its own.
            "• every Monday 14:30–16:30, 7 Dec – 4 Jan", "• Wed 13 Jan 2027, 09:00–11:00",
            // The approval, and who to call.
            "✓ I approved version 2 of this plan on Mon 5 Oct 2026", "The plan has changed since then (now version 3).",
            "• Anna Holm · 76 81 00 01 · anna.holm@jobhuset.example", "• Jobhuset Vejle · Vestergade 1, 7100 Vejle · 76 81 00 00",
        ] {
            let words = expected.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(text.contains(words), "the summary lacks \(expected)\n\(lines.joined(separator: "\n"))")
        }
        for hidden in ["Dr. Holm", "Ali Peer", "Lean management", "Old goal", "Dropped step", "Someone Else"] {
            XCTAssertFalse(text.contains(hidden), "the summary shows \(hidden)")
        }
        // Appointments come in date order.
        let meeting = try XCTUnwrap(text.range(of: "Tue 8 Dec 2026, 10:00"))
        let second = try XCTUnwrap(text.range(of: "Mon 28 Dec 2026 (week 53) · Mandatory"))
        XCTAssertLessThan(meeting.lowerBound, second.lowerBound)
    }

    func testTheSummaryIsInTheCitizensLanguageWhateverTheUILanguage() throws {
        let participant = SummaryFixture.participant(language: "de")
        let summary = try Summary.make(
            participant: participant, offers: SummaryFixture.offers(), indicators: try SummaryFixture.indicators(),
            resources: resourcesURL, today: SummaryFixture.today, coach: "Anna", timeZone: SummaryFixture.utc)
        XCTAssertEqual(summary.language, "de")
        let text = summary.text().joined(separator: "\n")
        XCTAssertTrue(text.contains("Mein Plan: Maja Jensen"), text)
        XCTAssertTrue(text.contains("Seite 1 von"), text)
        XCTAssertTrue(text.contains("Do., 10. Dez. 2026, 10:00–12:00 Uhr"), text)
        // --lang overrides it.
        let swedish = try Summary.make(
            participant: participant, offers: [], indicators: try SummaryFixture.indicators(), resources: resourcesURL,
            language: "sv", today: SummaryFixture.today, coach: "Anna", timeZone: SummaryFixture.utc)
        XCTAssertTrue(swedish.text().joined(separator: "\n").contains("Min plan: Maja Jensen"))
        XCTAssertTrue(swedish.text().joined(separator: "\n").contains("Jag klarar min hälsa under en vanlig vecka"))
    }

    func testALanguageWithoutStringsFallsBackToEnglish() throws {
        let participant = SummaryFixture.participant(language: "fi")
        let summary = try Summary.make(
            participant: participant, offers: [], indicators: try SummaryFixture.indicators(),
            resources: resourcesURL, today: SummaryFixture.today, coach: "Anna", timeZone: SummaryFixture.utc)
        XCTAssertEqual(summary.language, "en")
        XCTAssertTrue(summary.text().joined(separator: "\n").contains("My plan: Maja Jensen"))
        XCTAssertEqual(try Summary.localizer(language: "../en", resources: resourcesURL).language, "en")
    }

    func testAnEmptyPlanSaysSoInOnePage() throws {
        let participant = Participant(
            id: "p-empty", name: "Kim", language: "en", courseStart: day("2026-12-07"),
            by: Stamp(by: "Anna", at: Date(timeIntervalSince1970: 0)))
        let summary = Summary(
            participant: participant, offers: [], indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: "en", resources: resourcesURL), today: SummaryFixture.today,
            coach: "", timeZone: SummaryFixture.utc)
        let pages = summary.pages()
        XCTAssertEqual(pages.count, 1)
        let text = pages[0].joined(separator: "\n")
        for expected in [
            "page 1 of 1", "starts in 4 days", "No one yet.", "No goals written yet.", "No offers booked yet.",
            "Mon 7 Dec 2026 (week 50) · Mandatory conversation 1", "Nothing written down yet.", "No ratings yet.",
            "I have not approved this plan yet (version 0).",
        ] {
            XCTAssertTrue(text.contains(expected), "lacks \(expected):\n\(text)")
        }
        XCTAssertFalse(text.contains("My coach"), "no coach line without a coach name")
        // Who to call comes from the organisation's settings only, never from a login name.
        let unconfigured = Summary(
            participant: participant, offers: [], indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: "en", resources: resourcesURL), today: SummaryFixture.today,
            coach: "jdoe", timeZone: SummaryFixture.utc)
        XCTAssertFalse(unconfigured.document.sections.contains { $0.id == "call" })
        XCTAssertFalse(unconfigured.markdown().contains("Who to call"))
    }

    /// Every format holds the same sections in the same order, and an offer that meets every
    /// Monday is one line in each of them, never one line per date.
    func testEveryFormatHasTheSameOrderAndWeeklySessionsOnOneLine() throws {
        for language in languages {
            let summary = try SummaryFixture.summary(language: language)
            let s = summary.strings
            let headings = summary.document.sections.map(\.heading)
            let expected = [
                "summary.about", "summary.goals", "summary.offers", "summary.appointments", "summary.agreements", "summary.people",
                "summary.progress", "summary.approval", "summary.signatures", "summary.whoToCall",
            ].map { s($0) }
            XCTAssertEqual(headings, expected, language)
            let weekly = s(
                "summary.weekly",
                [
                    "weekday": s.formats.weekdayName(day("2026-12-07")), "time": s("summary.time", ["time": "14:30–16:30"]),
                    "from": s.formats.dayMonth(day("2026-12-07")), "to": s.formats.dayMonth(day("2027-01-04")),
                ])
            let pdf = try summary.pdf(fonts: PDFTypesettingTests.fonts()).data
            let formats = [
                "text": summary.text(pageWidth: 200).joined(separator: "\n"), "markdown": summary.markdown(), "html": summary.html(),
                "pdf": PDFPages.withoutHeaders(try PDFTypesettingTests.poppler("pdftotext", [], pdf), title: summary.document.title),
            ]
            for (format, written) in formats {
                let flat = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let positions = expected.map { heading in
                    flat.range(of: heading.split(whereSeparator: \.isWhitespace).joined(separator: " "))?.lowerBound
                }
                XCTAssertFalse(positions.contains(nil), "\(language) \(format) lacks a section: \(zip(expected, positions).filter { $0.1 == nil }.map(\.0))")
                let found = positions.compactMap { $0 }
                XCTAssertEqual(found, found.sorted(), "\(language) \(format): sections out of order")
                XCTAssertTrue(flat.contains(weekly), "\(language) \(format) lacks \(weekly)")
                for monday in ["2026-12-14", "2026-12-21"] {  // (28 Dec is also a conversation day)
                    XCTAssertFalse(flat.contains(s.dayWithWeekday(day(monday))), "\(language) \(format) lists \(monday) on its own")
                }
            }
        }
        let danish = try SummaryFixture.summary(language: "da").text(pageWidth: 200).joined(separator: "\n")
        XCTAssertTrue(danish.contains("hver mandag kl. 14:30–16:30, 7. dec. – 4. jan."), danish)
        XCTAssertTrue(danish.contains("18,5 timer om ugen"), danish)
        XCTAssertTrue(danish.contains("tirs. 8. dec. 2026 kl. 10:00 (uge 50)"), danish)
        let german = try SummaryFixture.summary(language: "de").markdown()
        XCTAssertTrue(german.contains("jeden Montag 14:30–16:30 Uhr, 7. Dez. – 4. Jan."), german)
        let swedish = try SummaryFixture.summary(language: "sv").html()
        XCTAssertTrue(swedish.contains("varje måndag kl. 14:30–16:30, 7 dec. – 4 jan."), swedish)
    }

    /// Page headers (title and "page N of M") removed from text that poppler read, so a
    /// section that goes over a page reads as one.
    enum PDFPages {
        static func withoutHeaders(_ text: String, title: String) -> String {
            text.split(separator: "\n").filter { !$0.hasPrefix(title) }.joined(separator: "\n")
        }
    }

    /// Sessions a week apart at the same times make one run from three on; a gap, another
    /// time or fewer sessions do not.
    func testWeeklyRunsOfSessions() throws {
        func session(_ iso: String, _ start: String = "14:30") -> OfferSession { OfferSession(day: day(iso), start: start, end: "16:30") }
        let runs = SessionRun.runs([
            session("2026-12-07"), session("2026-12-14"), session("2026-12-21"),  // a weekly run of three
            session("2027-01-04"), session("2027-01-11"),  // two after a gap: one by one
            session("2027-01-18", "09:00"),  // another time
            // Working days in a row, over a weekend: Thu, Fri, Mon, Tue.
            session("2027-01-21", "08:00"), session("2027-01-22", "08:00"), session("2027-01-25", "08:00"), session("2027-01-26", "08:00"),
            session("2027-01-30", "08:00"),  // a Saturday: on its own
        ])
        XCTAssertEqual(runs.map(\.sessions.count), [3, 1, 1, 1, 4, 1])
        XCTAssertEqual(runs.map(\.cadence), [.weekly, nil, nil, nil, .weekdays, nil])
        let s = try SummaryFixture.summary(language: "da")
        XCTAssertEqual(s.sessionLine(runs[4]), "alle hverdage kl. 08:00–16:30, 21. jan. – 26. jan.")
        XCTAssertEqual(s.sessionLine(runs[0]), "hver mandag kl. 14:30–16:30, 7. dec. – 21. dec.")
        XCTAssertEqual(s.sessionLine(runs[1]), "man. 4. jan. 2027, kl. 14:30–16:30")
    }

    // MARK: - Layout

    func testEveryPageHasAHeaderAndNoLineIsWiderThanThePage() throws {
        let summary = try SummaryFixture.summary(language: "en", long: true)
        for (width, height) in [(72, 60), (24, 8), (40, 20), (60, 30), (100, 66), (33, 12)] {
            let pages = summary.pages(pageWidth: width, pageHeight: height)
            XCTAssertGreaterThan(pages.count, 1, "the long plan needs more than one page at \(width)×\(height)")
            for (index, page) in pages.enumerated() {
                XCTAssertLessThanOrEqual(page.count, height, "page \(index + 1) at \(width)×\(height) is too long")
                for line in page {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "too wide at \(width): \(line)")
                    XCTAssertFalse(
                        line.contains("\u{0C}") || line.contains("\u{1B}") || line.contains("\t"), "control character in \(line)")
                }
                let header = page.prefix(while: { !$0.hasPrefix("═") }).joined(separator: " ")
                XCTAssertTrue(header.contains("page \(index + 1) of \(pages.count)"), "page \(index + 1) header: \(header)")
                XCTAssertTrue(
                    header.replacingOccurrences(of: " ", with: "").contains("Myplan:MajaJensen-Sørensen-Långnamn"),
                    "page \(index + 1) header names the citizen: \(header)")
            }
            // text() pads every page but the last to the page height, so line i is on page i / height + 1.
            let lines = summary.text(pageWidth: width, pageHeight: height)
            XCTAssertEqual(lines.count, (pages.count - 1) * height + (pages.last?.count ?? 0))
            for (index, page) in pages.enumerated() {
                XCTAssertEqual(Array(lines[(index * height)..<(index * height + page.count)]), page)
            }
        }
    }

    func testNothingIsCutOrLost() throws {
        let summary = try SummaryFixture.summary(language: "en", long: true)
        let document = summary.document
        for (width, height) in [(72, 60), (24, 8), (40, 13), (100, 66)] {
            let pages = summary.pages(pageWidth: width, pageHeight: height)
            // The bodies of the pages, put together, are the body laid out in one piece.
            let bodies = pages.flatMap { page in page.drop { !$0.hasPrefix("═") }.dropFirst() }.filter { !$0.isEmpty }
            let whole = SummaryText.bodyLines(document, width: max(width, SummaryText.minimumWidth)).map(\.text).filter { !$0.isEmpty }
            XCTAssertEqual(bodies, whole, "pagination at \(width)×\(height) lost or added lines")
            // Every text of the document is in the body, in order, whatever the wrapping.
            let squeezed = bodies.joined().filter { !$0.isWhitespace }
            var rest = Substring(squeezed)
            var texts = document.facts.flatMap { [$0.label, $0.value] }
            func walk(_ item: SummaryItem) {
                texts.append((item.marker ?? "") + item.plainText)
                item.children.forEach(walk)
            }
            for section in document.sections {
                texts.append(section.heading)
                section.items.forEach(walk)
            }
            texts.append(document.closing)
            for text in texts {
                let needle = text.filter { !$0.isWhitespace }
                guard let range = rest.range(of: needle) else {
                    XCTFail("at \(width)×\(height) the body lacks (in order): \(text)")
                    break
                }
                rest = rest[range.upperBound...]
            }
        }
    }

    func testLongWordsAreBrokenAndWideCharactersCountTwice() {
        let word = String(repeating: "x", count: 50)
        XCTAssertEqual(
            SummaryText.wrap("a " + word + " b", width: 20),
            [
                "a", String(repeating: "x", count: 20),
                String(repeating: "x", count: 20), String(repeating: "x", count: 10) + " b",
            ])
        XCTAssertEqual(SummaryText.wrap("日本語のテキスト", width: 5), ["日本", "語の", "テキ", "スト"])
        XCTAssertEqual(SummaryText.wrap("one\ntwo three", width: 7), ["one", "two", "three"])
        XCTAssertEqual(DisplayWidth.of("æøå日"), 5)
    }

    func testAHeadingIsNeverLeftAloneAtTheBottomOfAPage() throws {
        let summary = try SummaryFixture.summary(language: "en", long: true)
        let headings = Set(summary.document.sections.map(\.heading))
        for height in 10...40 {
            let pages = summary.pages(pageWidth: 72, pageHeight: height)
            for (index, page) in pages.enumerated() {
                let afterRule = page.drop { !$0.hasPrefix("═") }.dropFirst()
                XCTAssertEqual(afterRule.first, "", "one empty line below the header")
                let body = afterRule.dropFirst()
                XCTAssertFalse(body.first?.isEmpty ?? false, "page \(index + 1) at height \(height) starts with an empty line")
                XCTAssertFalse(body.first?.hasPrefix("─") ?? false, "page \(index + 1) at height \(height) starts with a heading's rule")
                if index < pages.count - 1, let last = body.last {
                    XCTAssertFalse(
                        headings.contains(last) || last.hasPrefix("─"), "page \(index + 1) at height \(height) ends with a heading")
                }
            }
        }
    }

    func testPrintableTextSeparatesPagesWithFormFeeds() throws {
        let summary = try SummaryFixture.summary(language: "da", long: true)
        let pages = summary.pages()
        let printable = summary.printable()
        XCTAssertEqual(printable.components(separatedBy: "\u{0C}").count, pages.count)
        XCTAssertEqual(printable, pages.map { $0.joined(separator: "\n") }.joined(separator: "\n\u{0C}") + "\n")
        XCTAssertTrue(pages[0][0].hasSuffix("side 1 af \(pages.count)"), pages[0][0])
    }

    // MARK: - Escaping

    func testHTMLIsSelfContainedAndEscapesEverything() throws {
        let summary = try SummaryFixture.summary(language: "en", hostile: true)
        let html = summary.html()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("@page { size: A4;"))
        XCTAssertTrue(html.contains("counter(page)") && html.contains("counter(pages)"))
        for forbidden in ["<script", "<b>", "src=", "href=", "http://", "https://", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), "the page holds \(forbidden)")
        }
        XCTAssertTrue(html.contains("Ann &lt;b&gt;&amp;&quot;Bo&quot;&lt;/b&gt;"), html)
        XCTAssertTrue(html.contains("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), html)
        // The name in the CSS margin box cannot end the style sheet.
        let style = try XCTUnwrap(html.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first)
        XCTAssertFalse(style.contains("<"), style)
        XCTAssertEqual(html.components(separatedBy: "</style>").count, 2)
    }

    func testMarkdownEscapesWhatPeopleTyped() throws {
        let markdown = try SummaryFixture.summary(language: "en", hostile: true).markdown()
        XCTAssertTrue(
            markdown.hasPrefix("# My plan: Ann \\<b\\>\\&\"Bo\"\\<\\/b\\>\n")
                || markdown.hasPrefix("# My plan: Ann \\<b\\>\\&\"Bo\"\\</b\\>\n"),
            markdown)
        XCTAssertTrue(markdown.contains("\\*not bold\\* \\_nor this\\_ \\[a link\\](x)"), markdown)
        XCTAssertFalse(markdown.contains("<script>"))
    }

    func testControlCharactersNeverReachThePage() throws {
        let summary = try SummaryFixture.summary(language: "en", hostile: true)
        let printable = summary.printable()
        let formFeeds = printable.filter { $0 == "\u{0C}" }.count
        XCTAssertEqual(formFeeds, summary.pages().count - 1, "only page breaks are form feeds")
        XCTAssertFalse(printable.contains("\u{1B}"))
        XCTAssertFalse(printable.contains("\r"))
    }
}

/// A participant with everything the summary shows, on a fixed day.
enum SummaryFixture {
    static let today = day("2026-12-03")
    static let utc = TimeZone(identifier: "UTC") ?? .current

    static func at(_ iso: String, _ hour: Double = 12) -> Date {
        Date(timeIntervalSince1970: Double(day(iso).ordinal) * 86_400 + hour * 3_600)
    }

    static func words(_ text: String, _ author: Author = .citizen, on iso: String = "2026-10-05") -> Words {
        Words(text, author: author, by: author == .citizen ? "Maja" : "Anna", at: at(iso))
    }

    static func indicators() throws -> IndicatorSet { try IndicatorSet.load(resources: resourcesURL) }

    static func summary(language: String, long: Bool = false, hostile: Bool = false) throws -> Summary {
        var participant = participant(language: language)
        if long { lengthen(&participant) }
        if hostile { makeHostile(&participant) }
        return Summary(
            participant: participant, offers: offers() + [club()], indicators: try indicators(),
            strings: try Summary.localizer(language: language, resources: resourcesURL), today: today, coach: "Anna", timeZone: utc,
            letterhead: letterhead)
    }

    /// The organisation's settings: who to call, and lines to sign.
    static let letterhead = SummaryLetterhead(
        organisation: ["Jobhuset Vejle", "Vestergade 1, 7100 Vejle", "76 81 00 00"], coachName: "Anna Holm",
        coachContact: ["76 81 00 01", "anna.holm@jobhuset.example"], signatureLines: true)

    static func participant(language: String) -> Participant {
        let stamp = Stamp(by: "Anna", at: at("2026-10-05", 9))
        var p = Participant(id: "p-maja", name: "Maja Jensen", language: language, courseStart: day("2026-10-05"), by: stamp)
        p.conversations[0].status = .held
        p.conversations[0].statusChanged = day("2026-10-05")
        p.plan.aboutMe = [
            AboutMe.goodAt.rawValue: words("Lifting, sorting, being on time"),
            AboutMe.supportWanted.rawValue: words("Help with the CV"),
            AboutMe.supportNotWanted.rawValue: words("No phone calls before ten"),
        ]
        p.plan.version = 3
        p.plan.approvals = [Approval(day: day("2026-10-05"), version: 2, conversation: 1, stamp: stamp)]

        var job = Goal(id: "g-job", kind: .job, text: words("Work in a warehouse, 20 hours a week"))
        job.steps = [
            Step(id: "s-cv", text: words("Update my CV"), who: .me, due: day("2026-12-04"), status: .done, on: day("2026-11-20")),
            Step(
                id: "s-visit", text: words("Visit two warehouses"), who: .me, due: day("2026-12-10"), status: .doing, on: day("2026-11-20")),
            Step(id: "s-union", text: words("Call the union about my rights", .coach), who: .coach, due: nil, on: day("2026-11-20")),
            Step(id: "s-old", text: words("Dropped step"), who: .me, due: nil, status: .dropped, on: day("2026-11-20")),
        ]
        job.steps[1].offerId = "o-visit"
        var evening = Step(
            id: "s-walk", text: words("Walk 20 minutes after dinner"), who: .other("Bo, my brother"), due: nil, on: day("2026-11-20"))
        evening.isSuggestion = false
        var health = Goal(id: "g-sleep", kind: .health, text: words("Sleep before midnight on weekdays", .coach))
        health.steps = [evening]
        var dropped = Goal(id: "g-old", kind: .other, text: words("Old goal"))
        dropped.dropped = day("2026-11-01")
        p.plan.goals = [job, health, dropped]

        var lise = Contact(id: "c-lise", kind: .socialServices, name: "Lise Berg", phone: "33 12 34 56", email: "lise.berg@kommune.example")
        lise.consent = [ConsentChange(given: true, day: day("2026-10-05"), stamp: stamp)]
        let holm = Contact(id: "c-holm", kind: .gp, name: "Dr. Holm", phone: "", email: "")
        var ali = Contact(id: "c-ali", kind: .peer, name: "Ali Peer", phone: "", email: "")
        ali.consent = [
            ConsentChange(given: true, day: day("2026-10-05"), stamp: stamp),
            ConsentChange(given: false, day: day("2026-11-05"), stamp: stamp),
        ]
        p.contacts = [lise, holm, ali]

        var first = CoachingSession(
            id: "x-first", kind: .conversation1, present: [Presence(role: .citizen), Presence(role: .coach)],
            started: Stamp(by: "Anna", at: at("2026-10-05", 10)))
        first.ended = at("2026-10-05", 11)
        first.agreements = words("I update my CV before Friday.\nAnna books the company visit.")
        first.next = Appointment(day: day("2026-12-08"), time: "10:00", place: "Jobhuset", contact: "I call Anna on Monday")
        let open = CoachingSession(id: "x-open", kind: .followUp, present: [], started: Stamp(by: "Anna", at: at("2026-12-03", 10)))
        p.sessions = [first, open]

        p.ratings = [
            Rating(
                day: day("2026-10-05"), sessionId: "x-first", scores: ["health": 3, "everyday": 4, "belief": 2], coachBelief: 4,
                stamp: stamp),
            Rating(
                day: day("2026-11-16"), sessionId: nil, scores: ["health": 5, "everyday": 4, "belief": 4], coachBelief: nil, stamp: stamp),
            Rating(
                day: day("2026-12-03"), sessionId: nil, scores: ["health": 6, "everyday": 4, "belief": 5, "jobSearch": 3], coachBelief: 6,
                stamp: stamp),
        ]
        p.milestones = [Milestone(kind: .cvReady, text: "", day: day("2026-11-20"))]
        return p
    }

    static func offers() -> [Offer] {
        let since = at("2026-11-01")
        var cv = Offer(
            id: "o-cv", title: "CV workshop", kind: "workshop", description: "Bring your CV; we work on it together.",
            sessions: [
                OfferSession(day: day("2026-12-10"), start: "10:00", end: "12:00"),
                OfferSession(day: day("2026-11-26"), start: "10:00", end: "12:00"),
            ],
            place: "Jobhuset, Vestergade 1", capacity: 12, language: "da")
        cv.facilitators = [Facilitator(name: "Mette Holm", role: .peerTrainer)]
        cv.booked = [Seat(participantId: "p-other", since: since), Seat(participantId: "p-maja", since: since)]
        var visit = Offer(
            id: "o-visit", title: "Company visit: Nordlager", kind: "companyVisit", description: "",
            sessions: [OfferSession(day: day("2026-12-15"), start: "09:00", end: "11:30")],
            place: "Nordlager A/S; gate 3", capacity: 8, language: "da")
        visit.booked = [Seat(participantId: "p-maja", since: since)]
        var network = Offer(
            id: "o-net", title: "Network for the long-term unemployed", kind: "network", description: "",
            sessions: [OfferSession(day: day("2027-01-07"), start: "13:00", end: "15:00")],
            place: "online", capacity: 1, language: "da")
        network.booked = [Seat(participantId: "p-third", since: since)]
        network.waiting = [Seat(participantId: "p-other", since: since), Seat(participantId: "p-maja", since: since)]
        var lean = Offer(
            id: "o-lean", title: "Lean management", kind: "upskilling", description: "",
            sessions: [OfferSession(day: day("2026-12-11"), start: "09:00", end: "15:00")], place: "Someone Else's place",
            capacity: 10, language: "da")
        lean.booked = [Seat(participantId: "p-other", since: since)]
        var trial = Offer(
            id: "o-trial", title: "Work trial at Bageri Sol", kind: "internship", description: "", sessions: [],
            place: "Bageri Sol, Torvet 2", capacity: 1, language: "da")
        trial.internship = Internship(
            employer: "Bageri Sol", contact: ContactPerson(name: "Per Sol", phone: "40 40 40 40"),
            start: day("2027-01-04"), end: day("2027-02-26"), hoursPerWeek: 18.5, tasks: "Baking")
        trial.booked = [Seat(participantId: "p-maja", since: since)]
        return [lean, network, visit, trial, cv]
    }

    /// A weekly job club: six Mondays and one moved session; the Mondays read as one line,
    /// the moved one on its own.
    static func club() -> Offer {
        let since = at("2026-11-01")
        let mondays = ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04"]
        var club = Offer(
            id: "o-club", title: "Job club", kind: "network", description: "",
            sessions: mondays.map { OfferSession(day: day($0), start: "14:30", end: "16:30") }
                + [OfferSession(day: day("2027-01-13"), start: "09:00", end: "11:00")],
            place: "Jobhuset, Vestergade 1", capacity: 10, language: "da")
        club.booked = [Seat(participantId: "p-maja", since: since)]
        return club
    }

    /// Many goals and steps, long words and wide characters, so the summary takes pages.
    static func lengthen(_ p: inout Participant) {
        p.name = "Maja Jensen-Sørensen-Långnamn"
        for index in 1...14 {
            var goal = Goal(
                id: "g-extra-\(index)", kind: index % 2 == 0 ? .education : .everyday,
                text: words("Goal number \(index): learn something that matters to me, step by step, with patience"))
            goal.steps = (1...3).map { number in
                Step(
                    id: "s-\(index)-\(number)",
                    text: words(
                        number == 2
                            ? "Read about Arbeitsmarktintegrationsmaßnahmenverordnungsbestimmungen and 日本語のテキストを読む"
                            : "Step \(number) of goal \(index), written in my own words"),
                    who: .me, due: nil, status: number == 1 ? .done : .planned, on: day("2026-11-20"))
            }
            p.plan.goals.append(goal)
        }
    }

    /// Text a person could type that would be markup, or control characters.
    static func makeHostile(_ p: inout Participant) {
        p.name = "Ann <b>&\"Bo\"</b>"
        p.plan.goals[0].text = words("</style><script>alert(1)</script> *not bold* _nor this_ [a link](x)\u{0C}\u{1B}[2J\tend")
    }
}
