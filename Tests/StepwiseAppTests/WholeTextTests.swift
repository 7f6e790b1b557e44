import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// Nothing important is cut at 80×24, in every language, with the demo data: text in a
/// details box wraps onto the rows below instead of ending in "…"; a list's date and seats
/// columns read whole (only a title may give way); the job board's details show every field;
/// the notes tab's filter reads whole, on a row of its own when the writer line leaves it no
/// room; every form label reads whole on its field's row.
final class WholeTextTests: XCTestCase {
    private let languages = ["en", "da", "sv", "de"]

    /// The text inside a box's frame on each row of the screen ("│ text │"), trimmed.
    private func boxRows(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").compactMap { row in
            let parts = row.split(separator: "│", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { return nil }
            return parts[1...].dropLast().joined(separator: "│").trimmingCharacters(in: .whitespaces)
        }
    }

    /// Every page of the details box open now (PgDn until the screen stops changing): rows
    /// that end in "…" are faults.
    private func checkDetailsBox(_ h: AppHarness, _ place: String, _ findings: inout [String]) {
        var screen = h.screen
        for _ in 0..<20 {
            for row in boxRows(screen) where row.hasSuffix("…") { findings.append("\(h.language) \(place): “\(row)”") }
            h.press(.pageDown)
            if h.screen == screen { break }
            screen = h.screen
        }
    }

    func testOfferDetailsWrapInsteadOfEndingInAnEllipsis() throws {
        var findings: [String] = []
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            // One offer with a title longer than the box's border and a long place.
            let offers = h.store.loadOffers().offers
            var long = try XCTUnwrap(offers.first)
            long.title = "Mentorforløb for ledige med anden etnisk baggrund end dansk: sprog, netværk og første job"
            long.place = "Jobcenter Køge, Afdeling for Beskæftigelse og Uddannelse, 3. sal, Torvet 1, 4600 Køge"
            try h.store.save(long)
            try h.restart()
            let count = offers.count
            XCTAssertGreaterThan(count, 20)
            h.press(.char("o"))
            for index in 0..<count {
                h.press(.enter)
                XCTAssertEqual(h.state.context, .catalogueDetail)
                checkDetailsBox(h, "catalogue offer \(index)", &findings)
                h.press(.escape, .down)
            }
            h.press(.escape)
            // Bente Holm has a placement in the Coop internship: its lines come under the offer.
            for name in ["Bente Holm", "Søren Ærø Kjærgaard"] {
                h.open(name)
                h.press(.char("2"))
                for index in 0..<count {
                    h.press(.enter)
                    XCTAssertEqual(h.state.context, .offerDetail)
                    checkDetailsBox(h, "\(name)'s offer \(index)", &findings)
                    h.press(.escape, .down)
                }
                h.press(.escape, .escape)
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count) cut:\n" + findings.prefix(60).joined(separator: "\n"))
    }

    /// The offers list's rows, on every page: a title may end in "…", the date and seats columns
    /// after it never (the seats end the row).
    private func checkOfferRows(_ h: AppHarness, _ place: String, _ findings: inout [String]) {
        h.press(.home)
        var screen = h.screen
        for _ in 0..<20 {
            let rows = screen.components(separatedBy: "\n").dropFirst(3).dropLast(2)
            for row in rows where row.trimmingCharacters(in: .whitespaces).hasSuffix("…") {
                findings.append("\(h.language) \(place): “\(row)”")
            }
            h.press(.pageDown)
            if h.screen == screen { break }
            screen = h.screen
        }
    }

    func testOffersListSeatsColumnReadsWhole() throws {
        var findings: [String] = []
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            h.press(.char("o"))
            checkOfferRows(h, "catalogue", &findings)
            h.press(.char("G"))
            checkOfferRows(h, "catalogue by date", &findings)
            h.press(.escape)
            h.open("Bente Holm")
            h.press(.char("2"))
            checkOfferRows(h, "offers tab", &findings)
        }
        XCTAssert(findings.isEmpty, "\(findings.count) cut:\n" + findings.prefix(60).joined(separator: "\n"))
    }

    func testBoardDetailsShowEveryField() throws {
        var findings: [String] = []
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            let s = h.app.env.strings
            h.press(.char("b"))
            XCTAssertGreaterThan(h.state.jobs.count, 5)
            for job in h.state.jobs.indices {
                let screen = h.screen
                let details = screen.components(separatedBy: "\n").drop { !$0.contains("────") }
                // The last field, who posted the job, is in view (or a mark says more follows).
                if !details.contains(where: { $0.contains(s("board.posted") + ":") || $0.trimmingCharacters(in: .whitespaces).hasPrefix("↓ ") }) {
                    findings.append("\(language) job \(job):\n\(screen)")
                }
                for row in details where row.trimmingCharacters(in: .whitespaces).hasSuffix("…") {
                    findings.append("\(language) job \(job): “\(row)”")
                }
                h.press(.down)
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count) faults:\n" + findings.prefix(20).joined(separator: "\n"))
    }

    func testNotesTagFilterReadsWhole() throws {
        var findings: [String] = []
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            for name in ["Åsa Lindqvist", "Mette Brøndum", "Kasper Lund"] {
                h.open(name)
                h.press(.char("3"))
                var tagged = 0
                for _ in 0..<12 {
                    h.press(.char("f"))
                    if case .tag? = h.state.open?.noteFilter { tagged += 1 }
                    let rows = h.screen.components(separatedBy: "\n")
                    // The rows under the tabs' rule: the writer line and the filter.
                    for row in rows[5...6] where row.contains("…") { findings.append("\(language) \(name): “\(row)”") }
                }
                XCTAssertGreaterThan(tagged, 0, "\(name) has tagged notes")
                h.press(.escape)
            }
        }
        XCTAssert(findings.isEmpty, "\(findings.count) cut:\n" + findings.prefix(40).joined(separator: "\n"))
    }

    func testEveryFormLabelReadsWholeOnItsRow() throws {
        var findings: [String] = []
        for language in languages {
            let h = try AppHarness(width: 80, height: 24, language: language)
            // The internship placement and a follow-up meeting, on Bente Holm's offers tab.
            h.open("Bente Holm")
            h.press(.char("2"), .char("/"))
            h.type("Coop")
            h.press(.enter, .enter)
            for key in ["I", "F"] {
                h.press(.char(Character(key)))
                findings += h.formLabelsCutOff("placement \(key)")
                leave(h)
            }
            h.press(.escape, .escape, .escape)
            // The catalogue's offer and internship forms, the board's job form.
            h.press(.char("o"))
            h.press(.char("a"))
            findings += h.formLabelsCutOff("catalogue a")
            leave(h)
            h.press(.char("/"))
            h.type("Coop")
            h.press(.enter, .enter)
            for key in ["e", "I"] {
                h.press(.char(Character(key)))
                findings += h.formLabelsCutOff("catalogue offer \(key)")
                leave(h)
            }
            h.press(.escape, .escape)
            h.press(.char("b"), .char("a"))
            findings += h.formLabelsCutOff("board a")
            leave(h)
        }
        XCTAssert(findings.isEmpty, "\(findings.count) cut:\n" + findings.prefix(40).joined(separator: "\n"))
    }

    /// Esc out of a form, saying yes where it asks whether to leave.
    private func leave(_ h: AppHarness) {
        for _ in 0..<3 where h.state.form != nil || h.state.context == .confirm {
            h.press(.escape)
            if h.state.context == .confirm { h.press(.char("y")) }
        }
    }
}

extension AppHarness {
    /// With a form open: Tab to each field in turn; the focused field's label must read whole
    /// after its focus mark on one row ("› Mit der teilnehmenden Person"). A rating statement
    /// (a sentence, written after "indicator:") may wrap and is left out. Returns the faults.
    func formLabelsCutOff(_ place: String) -> [String] {
        guard let form = state.form else { return ["\(language) \(place): no form opened"] }
        var faults: [String] = []
        for _ in form.fields.indices {
            guard let current = state.form, current.fields.indices.contains(current.focus) else { break }
            let label = current.fields[current.focus].label
            if !label.hasPrefix("indicator:"), !screen.contains("› " + app.env.strings(label)) {
                faults.append("\(language) \(place): “\(app.env.strings(label))” is not whole:\n\(screen)")
            }
            press(.tab)
        }
        return faults
    }
}
