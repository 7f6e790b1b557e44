import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The text copy of everything held about a citizen (`stepwise export --format text`) says
/// every field's name, every code, every date and yes, no and none in the language set.
final class ExportWordsTests: XCTestCase {
    let languages = ["en", "da", "sv", "de"]

    /// Each language's own table (no English fallback).
    func tables() throws -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        for language in languages {
            let url = resourcesURL.appendingPathComponent("strings/\(language).json")
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return tables
    }

    /// A property of a schema: its name, the name of the property that holds it ("" at the
    /// top), and the values of its `enum`, if any.
    struct Property: Hashable {
        let name: String
        let container: String
        let values: [String]
    }

    /// Every property the schemas of what an export holds declare, found through `$ref`,
    /// `items`, `oneOf`/`anyOf`/`allOf` and maps (`additionalProperties`).
    func schemaProperties() throws -> Set<Property> {
        var found: Set<Property> = []
        for name in ["participant", "plan-version", "audit-entry", "offer"] {
            let url = resourcesURL.appendingPathComponent("schema/\(name).schema.json")
            let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let definitions = schema["$defs"] as? [String: Any] ?? [:]
            var visited: Set<String> = []
            func walk(_ node: Any?, name: String, container: String) {
                guard var object = node as? [String: Any] else { return }
                if let reference = object["$ref"] as? String, reference.hasPrefix("#/$defs/") {
                    let definition = String(reference.dropFirst("#/$defs/".count))
                    let visit = "\(definition) \(name) \(container)"
                    guard !visited.contains(visit) else { return }
                    visited.insert(visit)
                    object = definitions[definition] as? [String: Any] ?? [:]
                }
                if !name.isEmpty {
                    let values = (object["enum"] as? [Any])?.map { "\($0)" } ?? []
                    found.insert(Property(name: name, container: container, values: values))
                }
                for key in ["oneOf", "anyOf", "allOf"] {
                    for branch in object[key] as? [Any] ?? [] { walk(branch, name: name, container: container) }
                }
                walk(object["items"], name: name, container: container)
                if let map = object["additionalProperties"] as? [String: Any] { walk(map, name: "", container: name) }
                for (property, value) in object["properties"] as? [String: Any] ?? [:] {
                    walk(value, name: property, container: name)
                }
            }
            walk(schema, name: "", container: "")
        }
        return found
    }

    /// A new field in a schema cannot reach the text in English: every property has an
    /// `export.field.*` name in every language's own table, and so has every field of a seat
    /// or a place on a waitlist.
    func testEveryFieldTheSchemasDeclareHasANameInEveryLanguage() throws {
        let tables = try tables()
        let properties = try schemaProperties()
        XCTAssertGreaterThan(Set(properties.map(\.name)).count, 120, "the schemas are walked")
        let place = CitizenExport.Place(
            offerId: "o-1", offerTitle: "T", kind: "workshop", offerStatus: "open", place: "seat", position: 1, since: Date(),
            sessions: [], internship: nil)
        let placeKeys = try XCTUnwrap(try JSONSerialization.jsonObject(with: JSONEncoder().encode(place)) as? [String: Any]).keys + ["internship"]
        var missing: [String] = []
        for key in Set(properties.map(\.name)).union(placeKeys).sorted() {
            for language in languages where tables[language]?["export.field.\(key)"] == nil { missing.append("\(language): \(key)") }
        }
        XCTAssertEqual(missing, [], "fields without a name (add export.field.KEY)")
    }

    /// Every code a schema allows in a field the text says in words has words in every
    /// language, and every field whose values are codes is one the text says in words.
    func testEveryCodeHasWordsInEveryLanguage() throws {
        let tables = try tables()
        var missing: [String] = []
        for property in try schemaProperties() where !property.values.isEmpty {
            // The offer's own status is not in a copy (a seat's `offerStatus` is).
            if property.name == "status" && property.container.isEmpty { continue }
            guard let prefix = ExportWords.prefix(of: property.name, in: property.container) else {
                missing.append("\(property.container)/\(property.name): no words")
                continue
            }
            for value in property.values {
                for language in languages where tables[language]?[prefix + value] == nil {
                    missing.append("\(language): \(prefix + value)")
                }
            }
        }
        for (key, values) in [("offerStatus", ["open", "cancelled"]), ("place", ["seat", "waiting"])] {
            let prefix = try XCTUnwrap(ExportWords.prefix(of: key, in: "bookings"))
            for value in values {
                for language in languages where tables[language]?[prefix + value] == nil { missing.append("\(language): \(prefix + value)") }
            }
        }
        XCTAssertEqual(missing, [])
    }

    /// Dates, times, yes and no, codes and a language in the language's form, the zone said.
    func testDatesCodesAndYesNoInEachLanguage() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let at = Date(timeIntervalSince1970: 1_772_442_900)  // 2026-03-02T09:15:00Z
        var participant = Participant(
            id: "p-words", name: "Maja", language: "da", courseStart: Day(year: 2026, month: 1, day: 5) ?? Day(ordinal: 0),
            by: Stamp(by: "Anna", at: at))
        participant.milestones = [Milestone(kind: .cvReady, text: "", day: Day(year: 2026, month: 2, day: 3) ?? Day(ordinal: 0))]
        try temp.store.save(participant)
        let export = try CitizenExport.collect(temp.store.loadParticipant("p-words"), from: temp.store, by: Identity(coach: "Anna", user: "anna", host: "h", pid: 1), at: at)
        // Times as the screens show them: local times of the data's zone, to the minute.
        let expected = [
            "en": ["Everything Stepwise holds about you", "Made 2 Mar 2026, 10:15 by Anna", "Course start: 5 Jan 2026", "Language: Danish", "Kind: CV ready"],
            "da": ["Alt, hvad Stepwise har gemt om dig", "Lavet 2. mar. 2026 kl. 10:15 af Anna", "Forløbsstart: 5. jan. 2026", "Sprog: dansk", "Slags: CV klar"],
            "sv": ["Allt som Stepwise har sparat om dig", "Gjord 2 mars 2026 kl. 10:15 av Anna", "Startdatum: 5 jan. 2026", "Språk: danska", "Typ: CV klart"],
            "de": ["Alles, was Stepwise über Sie gespeichert hat", "Erstellt 2. März 2026, 10:15 Uhr von Anna", "Beginn: 5. Jan. 2026", "Sprache: Dänisch", "Art: Lebenslauf fertig"],
        ]
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Copenhagen"))
        for language in languages {
            let text = try export.text(
                try Localizer.load(language: language, resources: resourcesURL), indicators: try IndicatorSet.load(resources: resourcesURL),
                timeZone: zone)
            XCTAssertTrue(text.contains("Europe/Copenhagen"), "\(language): the zone is said once\n\(text)")
            XCTAssertNil(text.range(of: #"\d{2}:\d{2}:\d{2}|UTC"#, options: .regularExpression), "\(language): seconds or UTC\n\(text)")
            for line in expected[language] ?? [] { XCTAssertTrue(text.contains(line), "\(language): \(line)\n\(text)") }
            XCTAssertNil(text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression), "\(language): a date left in ISO form\n\(text)")
        }
    }

    /// The text copy is for a person to read: it leaves out only the fields the program keeps
    /// for itself (ids, order, the file format's version), says nothing of empty fields, wraps
    /// at 80 columns, and leaves out nothing a person wrote or that was written about them:
    /// for every property of the four schemas that a demo record holds, its name is in the
    /// text, and so is every free text, word for word.
    func testNothingAPersonCanReadIsLeftOut() throws {
        // Left out on purpose; a field added here is one a person cannot read.
        XCTAssertEqual(
            ExportWords.internalFields,
            ["id", "offerId", "sessionId", "stepId", "boardJobId", "participantId", "participant", "sequence", "schemaVersion"])
        let properties = Set(try schemaProperties().map(\.name))
        XCTAssertTrue(ExportWords.internalFields.isSubset(of: properties), "internal fields are the schemas' own")

        let temp = TempStore()
        defer { temp.cleanUp() }
        let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
        _ = try DemoData.create(in: temp.store, resources: resourcesURL, today: Day(year: 2026, month: 11, day: 30) ?? Day(ordinal: 0), by: anna)
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Copenhagen"))
        let indicators = try IndicatorSet.load(resources: resourcesURL)
        var seen: Set<String> = []
        var problems: [String] = []
        for id in temp.store.participantIDs() {
            let export = try CitizenExport.collect(temp.store.loadParticipant(id), from: temp.store, by: anna)
            let tree = try export.tree()
            for language in languages {
                let strings = try Localizer.load(language: language, resources: resourcesURL)
                let words = ExportWords(strings, indicators: indicators, timeZone: zone)
                let text = try export.text(strings, indicators: indicators, timeZone: zone)
                let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                func walk(_ value: Any, key: String, container: String) {
                    if ExportWords.internalFields.contains(key) || ExportWords.holdsNothing(value) { return }
                    if properties.contains(key), !(["", "record"].contains(container) && key == container) {
                        seen.insert(key)
                        let label = words.label(key, in: container)
                        if !text.contains(label + ":") && !text.contains("\n" + label + "\n") {
                            problems.append("\(language) \(id): \(container)/\(key) '\(label)' missing")
                        }
                    }
                    switch value {
                    case let object as [String: Any]: for (child, field) in object { walk(field, key: child, container: key) }
                    case let list as [Any]: for element in list { walk(element, key: key, container: key) }
                    case let string as String:
                        let said = words.value(string, key: key, in: container).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                        if !flat.contains(said) { problems.append("\(language) \(id): \(container)/\(key) text '\(said)' missing") }
                    default: return
                    }
                }
                for (section, value) in tree where CitizenExport.sections.contains(where: { $0.key == section }) {
                    walk(value, key: section, container: "")
                }
                for line in text.split(separator: "\n") where DisplayWidth.of(String(line)) > 80 {
                    problems.append("\(language) \(id): wider than 80: \(line)")
                }
                if let range = text.range(of: #"\b[pnxsgoj]-[a-z0-9-]{4,}\b"#, options: .regularExpression) {
                    problems.append("\(language) \(id): an id in the text: \(text[range])")
                }
                // A field with nothing in it is left out: a label ends its line only when
                // what it holds follows, further in.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, line) in lines.enumerated() where line.hasSuffix(":") && index + 1 < lines.count {
                    let indent = line.prefix { $0 == " " }.count
                    let next = lines[index + 1]
                    if next.prefix(while: { $0 == " " }).count <= indent && !next.hasPrefix("=") {
                        problems.append("\(language) \(id): an empty field: \(line)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(seen.count, 60, "the demo records hold most fields: \(seen.sorted())")
        XCTAssertEqual(problems, [], problems.prefix(40).joined(separator: "\n"))
    }
}
