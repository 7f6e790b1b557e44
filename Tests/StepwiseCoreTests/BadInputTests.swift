import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// 1,000 generated broken inputs through the real loaders: truncated files, wrong types,
/// missing fields, huge strings, invalid UTF-8, deep nesting, garbage, and broken CSV. For
/// every one: no crash, a message naming the file (and the field or column when one is to
/// blame) in words, and the file left exactly as it was.
final class BadInputTests: XCTestCase {
    private var temp = TempStore()
    private var random = SplitMix64(seed: 0xBAD_1_2026)
    /// Inputs tried, by kind.
    private var counts: [String: Int] = [:]
    /// Inputs that were refused with a problem, and that were read as valid.
    private var refused = 0
    private var accepted = 0

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    func testAThousandBrokenInputsNeverCrashAlwaysNameTheFileAndFieldAndChangeNothing() throws {
        let started = Date()
        // Real records to break: the richest demo participant and offer.
        let demo = TempStore()
        defer { demo.cleanUp() }
        _ = try DemoData.create(in: demo.store, resources: resourcesURL, today: day("2026-11-22"), by: anna)
        let participantBase = try richest(demo.store.participantIDs().map { try demo.store.participantFile($0) }, id: "p-bad")
        let offerBase = try richest(demo.store.offerIDs().map { demo.store.root.appendingPathComponent("offers/\($0).json") }, id: "o-bad")
        let csvBase = OfferCSV.export(demo.store.loadOffers().offers)
        try temp.store.prepare()

        let participantCases = generateJSONCases(participantBase, budget: 500)
        for (kind, bytes, field) in participantCases { try checkParticipant(kind, bytes, field: field) }
        let offerCases = generateJSONCases(offerBase, budget: 300)
        for (kind, bytes, field) in offerCases { try checkOffer(kind, bytes, field: field) }
        let csvCases = generateCSVCases(csvBase, budget: 200)
        for (kind, bytes, column) in csvCases { try checkCSV(kind, bytes, column: column) }

        let total = counts.values.reduce(0, +)
        print(
            "bad input: \(total) inputs (\(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); "
                + "\(refused) refused with a message, \(accepted) read as valid; \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
        XCTAssertGreaterThanOrEqual(total, 1_000)
        XCTAssertGreaterThan(refused, 800)
    }

    // MARK: - Checking one input

    private func checkParticipant(_ kind: String, _ bytes: Data, field: String?) throws {
        counts[kind, default: 0] += 1
        let url = try temp.store.participantFile("p-bad")
        try write(bytes, to: url)
        let name = "participants/p-bad.json"
        let direct = outcome { try RecordCodec.participant(from: bytes, file: name) }
        let loaded = outcome { try temp.store.loadParticipant("p-bad") }
        check(direct, file: name, kind: kind, field: field, bytes: bytes)
        XCTAssertEqual(direct, loaded, "\(kind): loading from the data folder tells the same")
        let rows = temp.store.loadCaseload().filter { $0.id == "p-bad" }
        XCTAssertEqual(rows.count, 1, "\(kind): the caseload has one row for the file")
        if case .unreadable(_, let problem)? = rows.first { XCTAssertEqual(problem.file, name, kind) }
        XCTAssertEqual(try Data(contentsOf: url), bytes, "\(kind): the file was changed by reading it")
    }

    private func checkOffer(_ kind: String, _ bytes: Data, field: String?) throws {
        counts["offer " + kind, default: 0] += 1
        let url = temp.store.root.appendingPathComponent("offers/o-bad.json")
        try write(bytes, to: url)
        let name = "offers/o-bad.json"
        let direct = outcome { try RecordCodec.offer(from: bytes, file: name) }
        check(direct, file: name, kind: "offer " + kind, field: field, bytes: bytes)
        XCTAssertEqual(direct, outcome { try temp.store.loadOffer("o-bad") }, kind)
        let (offers, problems) = temp.store.loadOffers()
        XCTAssertEqual(offers.count + problems.count, 1, kind)
        XCTAssertEqual(try Data(contentsOf: url), bytes, "offer \(kind): the file was changed by reading it")
    }

    private func checkCSV(_ kind: String, _ bytes: Data, column: String?) throws {
        counts["csv " + kind, default: 0] += 1
        let url = temp.url.appendingPathComponent("catalogue.csv")
        try bytes.write(to: url)
        let parsed = OfferCSV.parse(bytes)
        for problem in parsed.problems {
            XCTAssertGreaterThanOrEqual(problem.line, 1, "csv \(kind): \(problem)")
            XCTAssertFalse(problem.reason.isEmpty, "csv \(kind)")
            assertWords(problem.description, kind: "csv " + kind)
        }
        if let column {
            XCTAssertTrue(
                parsed.problems.contains { $0.column == column || $0.reason.contains(column) },
                "csv \(kind): a problem names the column \(column): \(parsed.problems)")
        }
        if parsed.problems.isEmpty {
            accepted += 1
        } else {
            refused += 1
            // The importer refuses the whole file and writes nothing.
            let before = offersFolder()
            let report = OfferImport.run(bytes, into: BookingStore(store: temp.store, identity: anna), skipBad: false)
            XCTAssertTrue(report.refused, "csv \(kind): a file with problems is refused")
            XCTAssertEqual(offersFolder(), before, "csv \(kind): nothing was written")
        }
        XCTAssertEqual(try Data(contentsOf: url), bytes, "csv \(kind): the file was changed by reading it")
    }

    /// What a load gave: the record's description when it was read, or the problem.
    private enum Outcome: Equatable {
        case read
        case problem(RecordProblem)
        case otherError(String)
    }

    private func outcome<T>(_ load: () throws -> T) -> Outcome {
        do {
            _ = try load()
            return .read
        } catch let problem as RecordProblem {
            return .problem(problem)
        } catch {
            return .otherError("\(error)")
        }
    }

    private func check(_ outcome: Outcome, file: String, kind: String, field: String?, bytes: Data) {
        switch outcome {
        case .read:
            accepted += 1
        case .otherError(let text):
            XCTFail("\(kind): not a problem naming the file but \(text.prefix(300))")
        case .problem(let problem):
            refused += 1
            XCTAssertEqual(problem.file, file, kind)
            XCTAssertFalse(problem.reason.isEmpty, kind)
            assertWords(problem.description, kind: kind)
            assertTranslated(problem, kind: kind)
            if let field {
                guard let named = problem.field else {
                    return XCTFail("\(kind): the problem does not name the field \(field): \(problem)")
                }
                XCTAssertTrue(
                    field.hasPrefix(named) || named.hasPrefix(field),
                    "\(kind): the problem names \(named), the broken field is \(field): \(problem)")
            }
            XCTAssertLessThan(problem.description.utf8.count, 400, "\(kind): the message is short: \(problem.description.prefix(500))")
        }
    }

    /// The reason has a string-table key whose English is the reason's words, and Danish,
    /// Swedish and German say it in their own words, naming the same file and field.
    private func assertTranslated(_ problem: RecordProblem, kind: String) {
        guard problem.why.key != nil else { return XCTFail("\(kind): the reason has no string-table key: \(problem)") }
        XCTAssertEqual(problem.text(Self.strings["en"]!), problem.description, kind)
        for language in ["da", "sv", "de"] {
            let text = problem.text(Self.strings[language]!)
            XCTAssertNotEqual(text, problem.description, "\(kind): \(language) says it in English")
            XCTAssertTrue(text.hasPrefix(problem.file + ": "), "\(kind): \(language): \(text)")
            if let field = problem.field { XCTAssertTrue(text.contains("'\(field)'"), "\(kind): \(language): \(text)") }
            XCTAssertNil(text.range(of: #"\{[a-z]+\}|problem\."#, options: .regularExpression), "\(kind): \(language): \(text)")
        }
    }

    /// The string tables of the four languages, read once.
    private static let strings: [String: Localizer] = Dictionary(
        uniqueKeysWithValues: ["en", "da", "sv", "de"].compactMap { language in
            (try? Localizer.load(language: language, resources: resourcesURL)).map { (language, $0) }
        })

    /// A message in words: no programmer's error dump.
    private func assertWords(_ text: String, kind: String) {
        for dump in ["Error Domain", "NSCocoa", "DecodingError", "CodingKeys", "_JSONKey", "Swift.", "Optional("] {
            XCTAssertNil(text.range(of: dump), "\(kind): the message is a dump: \(text.prefix(300))")
        }
    }

    private func write(_ bytes: Data, to url: URL) throws {
        try bytes.write(to: url)
    }

    private func offersFolder() -> [String: Data] {
        let folder = temp.store.root.appendingPathComponent("offers")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data()) }
        )
    }

    // MARK: - Generating broken JSON

    /// The largest of the files, as a JSON tree with its id set to `id`.
    private func richest(_ urls: [URL], id: String) throws -> [String: Any] {
        let best = try XCTUnwrap(urls.max { (try? Data(contentsOf: $0).count) ?? 0 < (try? Data(contentsOf: $1).count) ?? 0 })
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: best)) as? [String: Any])
        object["id"] = id
        return object
    }

    /// Broken versions of `base`: (kind, bytes, the field to blame when one is).
    private func generateJSONCases(_ base: [String: Any], budget: Int) -> [(String, Data, String?)] {
        var cases: [(String, Data, String?)] = []
        let good = serialize(base)
        let paths = Self.paths(base, [])
        XCTAssertGreaterThan(paths.count, 30, "the base record is rich enough to break")

        // Whole-file damage.
        let fixed: [(String, Data)] = [
            ("empty", Data()), ("whitespace", Data("  \n\t ".utf8)), ("null", Data("null".utf8)), ("array", Data("[]".utf8)),
            ("number", Data("42".utf8)), ("string", Data("\"text\"".utf8)), ("empty object", Data("{}".utf8)),
            ("byte order mark", Data([0xEF, 0xBB, 0xBF]) + good),
            ("UTF-16", Data(String(decoding: good, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            ("NUL bytes", Data(repeating: 0, count: 4096)), ("two objects", good + good),
            ("trailing garbage", good + Data("}}]]".utf8)), ("over 20 MB", tooLarge(good)),
            ("nested 100000 at the top", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
            (
                "nested 100000 objects",
                Data((String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)
            ),
            ("unclosed nesting", Data(String(repeating: "[", count: 100_000).utf8)),
        ]
        for (kind, bytes) in fixed { cases.append((kind, bytes, nil)) }

        // Truncated at random places.
        for _ in 0..<(budget * 15 / 100) {
            let cut = Int(random.next() % UInt64(max(1, good.count - 2)))
            cases.append(("truncated", good.prefix(cut), nil))
        }
        // Invalid UTF-8 at random places.
        let invalid: [[UInt8]] = [
            [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFE, 0xFE],
        ]
        for index in 0..<(budget * 10 / 100) {
            var bytes = good
            let at = Int(random.next() % UInt64(bytes.count))
            bytes.insert(contentsOf: invalid[index % invalid.count], at: at)
            cases.append(("invalid UTF-8", bytes, nil))
        }
        // Random garbage, printable and not.
        for index in 0..<(budget * 5 / 100) {
            let length = 1 + Int(random.next() % 3000)
            let bytes = (0..<length).map { _ in index % 2 == 0 ? UInt8(32 + random.next() % 95) : UInt8(random.next() % 256) }
            cases.append(("garbage", Data(bytes), nil))
        }
        // A random byte flipped.
        for _ in 0..<(budget * 5 / 100) {
            var bytes = good
            let at = Int(random.next() % UInt64(bytes.count))
            bytes[at] = bytes[at] ^ UInt8(1 + random.next() % 255)
            cases.append(("byte flipped", bytes, nil))
        }
        // Deep nesting inside a field, below and above the limit.
        for depth in [3, 20, 60, 65, 200, 1_000, 100_000] {
            for path in pick(paths.filter { $0.count == 1 }, 2) {
                let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                let text = String(decoding: serialize(Self.replacing(base, at: path[...], with: "@@DEEP@@")), as: UTF8.self)
                    .replacingOccurrences(of: "\"@@DEEP@@\"", with: deep)
                cases.append(("nested \(depth) deep in a field", Data(text.utf8), depth <= 60 ? Self.field(path) : nil))
            }
        }
        // Huge strings (the file stays under the size limit, or goes over it).
        let strings = paths.filter { Self.value(base, at: $0[...]) is String }
        for (index, path) in pick(strings, 8).enumerated() {
            let size = [100_000, 1_000_000, 4_000_000, 22_000_000][index % 4]
            cases.append(
                ("huge string", serialize(Self.replacing(base, at: path[...], with: String(repeating: "Ø", count: size / 2))), nil))
        }
        // Numbers out of range, fractions where whole numbers belong, negative counts.
        let numbers = paths.filter { Self.value(base, at: $0[...]) is NSNumber && !(Self.value(base, at: $0[...]) is Bool) }
        for path in pick(numbers, 12) {
            for text in ["1e400", "99999999999999999999999", "-1", "1.5"] {
                let body = String(decoding: serialize(Self.replacing(base, at: path[...], with: "@@NUM@@")), as: UTF8.self)
                    .replacingOccurrences(of: "\"@@NUM@@\"", with: text)
                // 1e400 cannot even be parsed: the message names the line instead of the field.
                cases.append(("number \(text)", Data(body.utf8), text == "-1" || text == "1e400" ? nil : Self.field(path)))
            }
        }
        // Missing fields.
        for path in pick(paths, budget * 15 / 100) {
            cases.append(("missing field", serialize(Self.replacing(base, at: path[...], with: nil)), Self.field(path)))
        }
        // Wrong types: the rest of the budget.
        while cases.count < budget {
            let path = paths[Int(random.next() % UInt64(paths.count))]
            let old = Self.value(base, at: path[...])
            let replacement = wrongType(for: old)
            cases.append(("wrong type", serialize(Self.replacing(base, at: path[...], with: replacement)), Self.field(path)))
        }
        return cases
    }

    private func tooLarge(_ good: Data) -> Data {
        var text = String(decoding: good, as: UTF8.self)
        text.insert(
            contentsOf: "\"padding\": \"" + String(repeating: "x", count: 21_000_000) + "\", ", at: text.index(after: text.startIndex))
        return Data(text.utf8)
    }

    private func wrongType(for value: Any?) -> Any {
        let options: [Any]
        switch value {
        case is String: options = [42, true, [1, 2], ["a": 1], NSNull()]
        case let number as NSNumber where String(cString: number.objCType) == "c": options = ["yes", 1.5, [true], NSNull()]
        case is NSNumber: options = ["seven", false, [7], ["n": 7], NSNull()]
        case is [Any]: options = ["list", 3, ["a": [1]], NSNull()]
        case is [String: Any]: options = ["object", 5, [1, 2, 3], NSNull()]
        default: options = ["x", 1]
        }
        return options[Int(random.next() % UInt64(options.count))]
    }

    private func pick<T>(_ items: [T], _ count: Int) -> [T] {
        guard !items.isEmpty else { return [] }
        return (0..<count).map { _ in items[Int(random.next() % UInt64(items.count))] }
    }

    private func serialize(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data("{".utf8)
    }

    private enum Key {
        case key(String)
        case index(Int)
    }

    /// Every node below the root, as a path.
    private static func paths(_ value: Any, _ prefix: [Key]) -> [[Key]] {
        var result: [[Key]] = []
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                result.append(prefix + [.key(key)])
                result += paths(child, prefix + [.key(key)])
            }
        } else if let list = value as? [Any] {
            for (index, child) in list.enumerated().prefix(3) {
                result.append(prefix + [.index(index)])
                result += paths(child, prefix + [.index(index)])
            }
        }
        return result
    }

    /// A path as problems name fields: `plan.goals[0].text`.
    private static func field(_ path: [Key]) -> String {
        path.reduce(into: "") { text, key in
            switch key {
            case .key(let name): text += (text.isEmpty ? "" : ".") + name
            case .index(let index): text += "[\(index)]"
            }
        }
    }

    private static func value(_ root: Any, at path: ArraySlice<Key>) -> Any? {
        guard let first = path.first else { return root }
        switch first {
        case .key(let name): return (root as? [String: Any])?[name].flatMap { value($0, at: path.dropFirst()) }
        case .index(let index):
            guard let list = root as? [Any], list.indices.contains(index) else { return nil }
            return value(list[index], at: path.dropFirst())
        }
    }

    /// `root` with the node at `path` replaced by `new`, or removed when `new` is nil.
    private static func replacing(_ root: Any, at path: ArraySlice<Key>, with new: Any?) -> Any {
        guard let first = path.first else { return new ?? NSNull() }
        switch first {
        case .key(let name):
            guard var object = root as? [String: Any] else { return root }
            if path.count == 1 {
                object[name] = new
            } else if let child = object[name] {
                object[name] = replacing(child, at: path.dropFirst(), with: new)
            }
            return object
        case .index(let index):
            guard var list = root as? [Any], list.indices.contains(index) else { return root }
            if path.count == 1 {
                if let new { list[index] = new } else { list.remove(at: index) }
            } else {
                list[index] = replacing(list[index], at: path.dropFirst(), with: new)
            }
            return list
        }
    }

    // MARK: - Generating broken CSV

    private func generateCSVCases(_ base: Data, budget: Int) -> [(String, Data, String?)] {
        var cases: [(String, Data, String?)] = []
        let text = String(decoding: base.dropFirst(3), as: UTF8.self)  // without the byte-order mark
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0]
        let columns = header.components(separatedBy: ",")
        func csv(_ lines: [String]) -> Data { Data(lines.joined(separator: "\r\n").utf8) }
        /// The row with one field set (a simple row without quotes, so fields split on commas).
        func row(setting column: String, to value: String) -> [String] {
            var fields = Array(repeating: "", count: columns.count)
            fields[columns.firstIndex(of: "title") ?? 1] = "Broken offer"
            fields[columns.firstIndex(of: "kind") ?? 2] = "workshop"
            fields[columns.firstIndex(of: "capacity") ?? 6] = "5"
            if let index = columns.firstIndex(of: column) { fields[index] = value }
            return [header, fields.joined(separator: ",")]
        }

        let fixed: [(String, Data, String?)] = [
            ("empty", Data(), nil), ("only a byte-order mark", Data([0xEF, 0xBB, 0xBF]), nil), ("only a header", csv([header]), nil),
            ("NUL bytes", Data(repeating: 0, count: 2000), nil),
            ("unclosed quote", csv([header, "\"Broken,workshop,5"]), nil),
            ("no title column", csv([header.replacingOccurrences(of: "title", with: "titel")] + lines.dropFirst()), "title"),
            ("no kind column", csv([header.replacingOccurrences(of: ",kind,", with: ",sort,")] + lines.dropFirst()), "kind"),
            ("no capacity column", csv([header.replacingOccurrences(of: "capacity", with: "seats")] + lines.dropFirst()), "capacity"),
            ("a column twice", csv([header + ",title"] + lines.dropFirst()), "title"),
            ("10000 columns", csv([header + String(repeating: ",x", count: 10_000)]), nil),
            ("a 5 MB field", csv(row(setting: "description", to: String(repeating: "æ", count: 2_500_000))), nil),
            ("invalid UTF-8", Data(header.utf8) + Data([0x0D, 0x0A, 0xFF, 0xFE, 0x2C, 0xC3, 0x28]), nil),
            ("garbage", Data((0..<3000).map { _ in UInt8(random.next() % 256) }), nil),
        ]
        cases += fixed
        let wrong: [(String, [String])] = [
            ("capacity", ["many", "-3", "1.5", "99999999999999999999", ""]),
            ("waitlist", ["some", "-1", "2.5"]),
            ("sessions", ["soon", "2026-13-45 10:00-12:00", "2026-12-03 25:00-26:00", "31.02.2026 10:00-11:00", "2026-12-03"]),
            ("status", ["maybe", "closed"]),
            ("facilitators", ["Mette (wizard)", "(coach)"]),
            ("internshipStart", ["tomorrow", "2026-02-30"]),
            ("internshipEnd", ["later"]),
            ("hoursPerWeek", ["lots", "-5"]),
            ("title", [""]),
            ("kind", [""]),
            ("id", ["../../etc/passwd", "O-UPPER", "has space"]),
        ]
        for (column, values) in wrong {
            for value in values { cases.append(("wrong \(column)", csv(row(setting: column, to: value)), column)) }
        }
        // Random truncation, broken quotes, dropped and doubled separators in the real catalogue.
        while cases.count < budget {
            var bytes = Data(text.utf8)
            switch random.next() % 4 {
            case 0:
                bytes = bytes.prefix(Int(random.next() % UInt64(bytes.count)))
                cases.append(("truncated", bytes, nil))
            case 1:
                bytes.insert(0x22, at: Int(random.next() % UInt64(bytes.count)))
                cases.append(("stray quote", bytes, nil))
            case 2:
                let commas = bytes.indices.filter { bytes[$0] == 0x2C }
                if let at = commas.randomElement(using: &random) { bytes.remove(at: at) }
                cases.append(("separator dropped", bytes, nil))
            default:
                let commas = bytes.indices.filter { bytes[$0] == 0x2C }
                if let at = commas.randomElement(using: &random) { bytes.insert(0x2C, at: at) }
                cases.append(("separator doubled", bytes, nil))
            }
        }
        return cases
    }
}
