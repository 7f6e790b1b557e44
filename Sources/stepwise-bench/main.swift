import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise-bench`: the parts of `make bench` that run inside one process. Tests/Bench/bench.py
/// drives it and the real binary in a pseudo-terminal, and writes the table and the JSON.
///
///     stepwise-bench generate --data DIR --size N --resources DIR   make a data set (kept when already made)
///     stepwise-bench index --data DIR [--no-rebuild]                caseload index: rebuild and warm load
///     stepwise-bench measure --data DIR --resources DIR [--tab-keys N --searches N --opens N]
///                                                                   keys, search, open, save, summary
///     stepwise-bench saves --data DIR                               the save figures alone, samples in order
///     stepwise-bench appsaves --data DIR                            the app's whole save alone, step by step
///     stepwise-bench summary --data DIR --resources DIR             the printed summary of the largest, phase by phase
///     stepwise-bench codec --data DIR                               where reading the largest record goes
///     stepwise-bench pathological --data DIR --resources DIR        a megabyte of text, 10,000 goals, a 16 MB export
///     stepwise-bench report --data DIR --resources DIR              the organisation report: time, memory as it goes
///
/// Each prints one JSON object on standard output.

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func emit(_ object: Any) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) else {
        FileHandle.standardError.write(Data("stepwise-bench: result is not JSON\n".utf8))
        exit(1)
    }
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

func markerURL(_ root: URL) -> URL { root.appendingPathComponent("bench-dataset.json") }

func readMarker(_ root: URL) -> Generator.Made? {
    guard let data = FileManager.default.contents(atPath: markerURL(root).path) else { return nil }
    return try? JSONDecoder().decode(Generator.Made.self, from: data)
}

func generate(root: URL, size: Int, resources: URL) throws {
    if let made = readMarker(root), made.generator == Generator.version, made.participants == size {
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(made)) as? [String: Any] ?? [:]
        object["reused"] = true
        return emit(object)
    }
    try? FileManager.default.removeItem(at: root)
    let made = try Generator(count: size, root: root, today: .today, indicators: IndicatorSet.load(resources: resources)).run()
    try AtomicFile.write(JSONEncoder().encode(made), to: markerURL(root))
    var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(made)) as? [String: Any] ?? [:]
    object["reused"] = false
    emit(object)
}

/// The caseload index at this size: rebuilt from nothing, then loaded as at every start.
func index(root: URL) {
    let store = DataStore(root: root)
    let index = CaseloadIndex(store: store)
    var object: [String: Any] = [:]
    if CommandLine.arguments.contains("--no-rebuild") {
        // The first load after the generator compacts the lines it appended.
        object["firstLoadMs"] = Clock.ms { _ = index.load() }
    } else {
        try? FileManager.default.removeItem(at: index.url)
        var rebuilt: CaseloadIndex.Statistics?
        object["rebuildMs"] = Clock.ms { rebuilt = index.load().statistics }
        object["rebuildParsed"] = rebuilt?.parsed ?? 0
        // Files written in the last two seconds are not trusted yet; let them settle.
        Thread.sleep(forTimeInterval: 2.1)
        _ = index.load()
    }
    var warm = Samples()
    var statistics: CaseloadIndex.Statistics?
    var rows = 0
    for _ in 0..<9 {
        warm.add(
            Clock.ms {
                let loaded = index.load()
                statistics = loaded.statistics
                rows = loaded.rows.count
            })
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: index.url.path)[.size] as? Int) ?? 0
    object["warmLoad"] = warm.json
    object["warmParsed"] = statistics?.parsed ?? -1
    object["rows"] = rows
    object["indexBytes"] = bytes
    emit(object)
}

/// Where the time of reading and writing the largest record goes (why opening and saving it
/// cost what they cost): each stage of `RecordCodec` on its own.
func codec(root: URL, resources: URL) throws {
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    // What `stepwise` (Commands.tui) reads before the first frame besides the caseload: the
    // string tables as it loads them (the chosen language, English, then every language,
    // each Localizer.load reading English again), and only the one the first frame needs.
    let available = Localizer.available(resources: resources)
    let asTheProgramDoes = Clock.ms {
        _ = try? Localizer.load(language: "en", resources: resources)
        _ = try? Localizer.load(language: "en", resources: resources)
        for code in available { _ = try? Localizer.load(language: code, resources: resources) }
    }
    let chosenOnly = Clock.ms { _ = try? Localizer.load(language: "en", resources: resources) }
    let store = DataStore(root: root)
    let url = try store.participantFile(made.largestId)
    var read = Samples()
    var full = Samples()
    var serialization = Samples()
    var reserialize = Samples()
    var decoder = Samples()
    var encode = Samples()
    var offers = Samples()
    var history = Samples()
    let decoding = JSONDecoder()
    decoding.dateDecodingStrategy = .iso8601
    for _ in 0..<10 {
        var data = Data()
        read.add(try Clock.ms { data = try Data(contentsOf: url) })
        var participant: Participant?
        full.add(try Clock.ms { participant = try RecordCodec.participant(from: data, file: "participants/\(made.largestId).json") })
        var object: Any = 0
        serialization.add(try Clock.ms { object = try JSONSerialization.jsonObject(with: data) })
        reserialize.add(try Clock.ms { _ = try JSONSerialization.data(withJSONObject: object) })
        decoder.add(try Clock.ms { _ = try decoding.decode(Participant.self, from: data) })
        if let participant { encode.add(try Clock.ms { _ = try RecordCodec.encode(participant) }) }
        offers.add(Clock.ms { _ = store.loadOffers() })
        history.add(Clock.ms { _ = store.loadHistory(participant: made.largestId) })
    }
    emit([
        "bytes": made.largestBytes, "read": read.json, "recordCodecParticipant": full.json, "jsonSerializationParse": serialization.json,
        "jsonSerializationWrite": reserialize.json, "jsonDecoderOnly": decoder.json, "recordCodecEncode": encode.json,
        "loadOffers": offers.json, "offers": made.offers, "loadHistory": history.json, "historyBytes": made.largestHistoryBytes,
        "stringTablesAtStartMs": asTheProgramDoes, "stringTablesChosenOnlyMs": chosenOnly, "languages": available.count,
    ])
}

func measure(root: URL, resources: URL) throws {
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    var run = InProcess(store: DataStore(root: root), resources: resources, largestId: made.largestId, largestName: made.largestName)
    if let value = option("--tab-keys").flatMap(Int.init) { run.rounds.tabKeys = value }
    if let value = option("--searches").flatMap(Int.init) { run.rounds.searches = value }
    if let value = option("--opens").flatMap(Int.init) { run.rounds.opens = value }
    let result = try run.run()
    emit(result)
}

/// The printed summary of the largest participant alone (`InProcess.summary`).
func summaryBench(root: URL, resources: URL) throws {
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    let run = InProcess(store: DataStore(root: root), resources: resources, largestId: made.largestId, largestName: made.largestName)
    emit(try run.summary(env: try UIEnvironment.load(resources: resources, language: "en")))
}

do {
    let command = CommandLine.arguments.dropFirst().first ?? ""
    guard let data = option("--data") else { throw BenchError("usage: stepwise-bench generate|index|measure --data DIR …") }
    let root = URL(fileURLWithPath: data)
    let resources = URL(fileURLWithPath: option("--resources") ?? "Resources")
    switch command {
    case "generate":
        guard let size = option("--size").flatMap(Int.init), size > 0 else { throw BenchError("generate needs --size N") }
        try generate(root: root, size: size, resources: resources)
    case "index": index(root: root)
    case "measure": try measure(root: root, resources: resources)
    case "saves": try saveBench(root: root, resources: resources)
    case "appsaves": try appSaveBench(root: root, resources: resources)
    case "codec": try codec(root: root, resources: resources)
    case "summary": try summaryBench(root: root, resources: resources)
    case "pathological": try pathological(root: root, resources: resources)
    case "report": try reportBench(root: root, resources: resources)
    case "catalogue": try catalogueBench(root: root, resources: resources)
    default: throw BenchError("unknown command '\(command)'")
    }
} catch {
    FileHandle.standardError.write(Data("stepwise-bench: \(error)\n".utf8))
    exit(1)
}
