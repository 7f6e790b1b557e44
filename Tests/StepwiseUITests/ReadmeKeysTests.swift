import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseUI

/// The README's key lists say what the help screen says: both come from `ActionTable.all`.
/// Each part of "Using Stepwise" names (in backticks) every letter, digit and sign key that
/// the action table gives its screens, and names no single-letter key those screens lack.
final class ReadmeKeysTests: XCTestCase {
    /// README headings and the screens (key contexts) each describes.
    private let sections: [(heading: String, contexts: Set<KeyContext>)] = [
        ("### Caseload", [.caseload, .searching]),
        ("### A participant", KeyContext.participantTabs.union([.offerDetail, .history, .auditLog])),
        ("### Offer catalogue", [.catalogue, .catalogueDetail, .attendance]),
    ]

    /// Keys that every screen (or every list) has, told once in the opening paragraphs of
    /// "Using Stepwise".
    private let everywhere: Set<ActionID> = [.help, .hide, .redraw, .suspend, .interrupt, .closeHelp, .moveUp, .moveDown]

    func testEachReadmeSectionNamesTheKeysOfItsScreens() throws {
        let readme = try String(contentsOf: resourcesURL.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let opening = Set(backticked(section("## Using Stepwise", of: readme).components(separatedBy: "\n### ").first ?? ""))
        for key in Set(ActionTable.all.filter { everywhere.contains($0.id) }.flatMap(\.keys).compactMap(Self.typed)).sorted() {
            XCTAssertTrue(opening.contains(key), "README's opening of Using Stepwise does not name the key `\(key)`")
        }
        for (heading, contexts) in sections {
            let text = section(heading, of: readme)
            XCTAssertFalse(text.isEmpty, "the README has a section \(heading)")
            let named = Set(backticked(text))
            let specs = ActionTable.all.filter { !$0.contexts.isDisjoint(with: contexts) && !everywhere.contains($0.id) }
            let keys = Set(specs.flatMap(\.keys).compactMap(Self.typed))
            for key in keys.sorted() where !named.contains(key) {
                XCTFail("README \(heading) does not name the key `\(key)` (\(specs.filter { $0.keys.contains(.char(Character(key))) }.map(\.id)))")
            }
            let anyKey = Set(ActionTable.all.filter { !$0.contexts.isDisjoint(with: contexts) }.flatMap(\.keys).compactMap(Self.typed))
            for key in named.sorted() where key.count == 1 && key.first?.isLetter == true && !anyKey.contains(key) {
                XCTFail("README \(heading) names `\(key)`, which is no key of its screens in the action table")
            }
        }
    }

    /// The key as typed, for a letter, digit or sign key; nil for Enter, arrows and the like.
    private static func typed(_ key: Key) -> String? {
        if case .char(let c) = key, c != " " { return String(c) }
        return nil
    }

    /// The text under `heading` up to the next heading of the same or a higher level.
    private func section(_ heading: String, of readme: String) -> String {
        let level = heading.prefix { $0 == "#" }.count
        var lines: [Substring] = []
        var inside = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(heading) {
                inside = true
                continue
            }
            let hashes = line.prefix { $0 == "#" }.count
            if inside, hashes > 0, hashes <= level, line.dropFirst(hashes).hasPrefix(" ") { break }
            if inside { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    /// Every `…` span of `text`, and each part of a span like `K`/`J` or `↑↓`/`j k`.
    private func backticked(_ text: String) -> [String] {
        let spans = text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return spans.flatMap { span in [span] + span.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init) }
    }
}
