import Foundation
import StepwiseCore
import StepwiseTestSupport
import XCTest

@testable import StepwiseUI

/// A note's tags read in one language and one case style: a tag Stepwise offers is stored as
/// its code and shown by its name in the screen's language on the notes tab, its filter line
/// and the text export; a tag a coach typed stays as typed.
final class NoteTagsJourneyTests: XCTestCase {
    func testOfferedTagsAreShownInTheScreensLanguageEverywhere() throws {
        for language in ["en", "da", "sv", "de"] {
            let h = try AppHarness(height: 45, language: language)
            let s = h.app.env.strings
            // The demo's notes carry only tags Stepwise offers (no "job" beside "Health").
            let people = try h.store.participantIDs().map { try h.store.loadParticipant($0) }
            for p in people {
                for tag in p.notes.flatMap(\.tags) {
                    XCTAssertTrue(ProgressNote.standardTags.contains(tag), "\(language): \(p.name)'s note tag “\(tag)” is no offered tag")
                }
            }
            guard let p = people.first(where: { $0.notes.contains { $0.tags.contains("jobSearch") } && $0.notes.contains { $0.tags.contains("health") } })
            else { return XCTFail("\(language): no demo participant with both tags") }
            h.open(p.name)
            h.press(.char("3"))
            let screen = h.screen
            XCTAssertTrue(screen.contains(s("tag.jobSearch")) && screen.contains(s("tag.health")), "\(language):\n\(screen)")
            XCTAssertFalse(screen.contains("· job") || screen.contains("· health") || screen.contains(", job"), "\(language):\n\(screen)")
            // f: the filter goes through the tags in use by their names.
            h.press(.char("f"))
            let first = h.flatScreen
            h.press(.char("f"))
            let second = h.flatScreen
            let names = [s("tag.health"), s("tag.jobSearch")].sorted { SearchText.fold($0) < SearchText.fold($1) }
            for (shown, name) in zip([first, second], names) {
                XCTAssertTrue(shown.contains(s("notes.filter.tag", ["tag": name])), "\(language): filter on \(name)\n\(shown)")
            }
            // The text export says them in the same words.
            let export = try CitizenExport.collect(h.store.loadParticipant(p.id), from: h.store, by: h.identity).text(s, indicators: h.app.env.indicators)
            XCTAssertTrue(export.contains(s("tag.jobSearch")), "\(language): the export's tags")
        }
    }

    /// Typed tags: an offered tag's name in any language or case is stored as its code (once),
    /// a coach's own tag as typed; one stored by hand in another spelling ("Health") is shown
    /// and filtered as the offered tag.
    func testTypedTagsAreStoredAsCodesOrAsTyped() throws {
        let h = try AppHarness(height: 45, language: "da")
        let env = h.app.env
        XCTAssertEqual(NoteTags.stored("Helbred, jobsøgning, min egen, HELBRED, network", env: env), ["health", "jobSearch", "min egen", "network"])
        XCTAssertEqual(NoteTags.name("health", env: env), "Helbred")
        XCTAssertEqual(NoteTags.name("min egen", env: env), "min egen")
        XCTAssertEqual(NoteTags.name("Health", strings: env.strings, tables: [env.table(for: "en")]), "Helbred")
        guard let id = h.store.participantIDs().first else { return XCTFail("no demo participant") }
        var p = try h.store.loadParticipant(id)
        let words = Words("x", author: .coach, by: "Anna", at: Date(timeIntervalSince1970: 1_792_411_200))
        p.notes = [
            ProgressNote(id: "n1", kind: .note, sessionId: nil, tags: ["health"], text: words),
            ProgressNote(id: "n2", kind: .note, sessionId: nil, tags: ["Helbred"], text: words),
            ProgressNote(id: "n3", kind: .note, sessionId: nil, tags: ["min egen"], text: words),
        ]
        XCTAssertEqual(NoteTags.inUse(p, env: env), ["health", "min egen"])
        XCTAssertEqual(NotesView.visible(p, filter: .tag("health"), env: env).map(\.id), ["n2", "n1"])
    }
}
