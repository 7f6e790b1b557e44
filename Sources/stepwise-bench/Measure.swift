import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI

/// Times in milliseconds and what they summarise to.
struct Samples {
    var values: [Double] = []

    mutating func add(_ value: Double) { values.append(value) }

    /// The nearest-rank percentile (`p` in 0…100).
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var json: [String: Any] {
        ["n": values.count, "median": percentile(50), "p99": percentile(99), "max": values.max() ?? .nan]
    }

    /// `json` with every sample, in the order taken.
    var orderedJSON: [String: Any] { json.merging(["samples": values]) { $1 } }
}

enum Clock {
    /// Seconds on the monotonic clock.
    static func now() -> Double { seconds(CLOCK_MONOTONIC) }

    /// Milliseconds `body` takes.
    static func ms(_ body: () throws -> Void) rethrows -> Double { try ms(on: CLOCK_MONOTONIC, body) }

    /// Milliseconds `body` takes, on the wall clock into `wall` and in this thread's CPU time
    /// into `cpu` (what the wall time spent waiting for the disk or for other processes).
    static func ms(_ wall: inout Samples, cpu: inout Samples, _ body: () throws -> Void) rethrows {
        var used = 0.0
        wall.add(try ms { used = try cpuMs(body) })
        cpu.add(used)
    }

    /// Milliseconds of this thread's CPU time `body` takes: unlike `ms`, not lengthened by
    /// other processes on a shared machine (but blind to waiting for the disk).
    static func cpuMs(_ body: () throws -> Void) rethrows -> Double { try ms(on: CLOCK_THREAD_CPUTIME_ID, body) }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The measurements made inside one process: the app as the program runs it (`App.handle`,
/// `App.render`), drawn on a real ncurses screen as the driver draws it.
struct InProcess {
    let store: DataStore
    let resources: URL
    let largestId: String
    let largestName: String
    /// Fewer samples on the largest data sets, where a slow key takes a second.
    var rounds: Rounds = Rounds()

    /// How many times each thing is measured.
    struct Rounds {
        var tabKeys = 200
        var searches = 40
        var opens = 7
    }

    /// One key through the whole path: update, render, diff and write; then, as the driver
    /// does once the frame is drawn, the rest of a record just opened is read (not counted).
    func press(_ key: Key, _ app: App, _ screen: BenchScreen, completing: Bool = true) -> (ms: Double, bytes: Int) {
        let before = screen.written
        let ms = Clock.ms {
            app.handle(key)
            screen.draw(app.render())
        }
        if completing { app.completeRecord() }
        return (ms, screen.written - before)
    }

    func run() throws -> [String: Any] {
        var result: [String: Any] = [:]
        let env = try UIEnvironment.load(resources: resources, language: "en")
        let identity = Identity(coach: "Bench", user: "bench", host: ProcessInfo.processInfo.hostName, pid: getpid())
        var app: App?
        result["appStartMs"] = Clock.ms {
            app = App(store: store, identity: identity, env: env, width: 80, height: 24)
        }
        guard let app else { throw BenchError("no app") }
        let screen = try BenchScreen()
        defer { screen.close() }
        result["firstDrawMs"] = Clock.ms { screen.draw(app.render()) }

        // The caseload: down and up in blocks of 20 (the list scrolls).
        var caseload = Samples()
        var moveBytes = Samples()
        for block in 0..<15 {
            for _ in 0..<20 {
                let (ms, bytes) = press(block % 2 == 0 ? .down : .up, app, screen)
                caseload.add(ms)
                moveBytes.add(Double(bytes))
            }
        }
        result["caseloadKey"] = caseload.json
        result["caseloadMoveBytes"] = moveBytes.json

        // Search as you type: "/", a few letters of a name, two corrections, Esc. When only the
        // first rows of a large caseload are shown, the first search begins the reading of the
        // whole index on another thread and acts on the first rows; the later ones search the
        // whole caseload, shown when its rows came (the driver draws them then, as `idle` does here).
        var random = SplitMix64(seed: 5)
        var search = Samples()
        var names: [String] = []
        for round in 0..<rounds.searches {
            if round == 1 {
                while app.isReadingCaseload { usleep(1000) }
                _ = app.idle()
            }
            if round <= 1 {
                names = app.state.caseload.compactMap { row -> String? in
                    if case .participant(let entry) = row { return entry.name }
                    return nil
                }
            }
            let name = names[random.below(names.count)]
            let typed = String(name.split(separator: " ").last ?? "").lowercased().prefix(3 + random.below(5))
            search.add(press(.char("/"), app, screen).ms)
            for character in typed { search.add(press(.char(character), app, screen).ms) }
            search.add(press(.backspace, app, screen).ms)
            search.add(press(.backspace, app, screen).ms)
            search.add(press(.escape, app, screen).ms)
        }
        result["searchKey"] = search.json
        result["searchFilter"] = searchFilter(app.state.caseload, names: names)
        result["caseloadMoveBytesNameHighlight"] = try nameOnlyHighlight(app: app, env: env)

        // Open the largest participant (search for the name, Enter) and close it again.
        var open = Samples()
        var close = Samples()
        var rest = Samples()
        for _ in 0..<rounds.opens {
            _ = press(.char("/"), app, screen)
            for character in largestName { _ = press(.char(character), app, screen) }
            open.add(press(.enter, app, screen, completing: false).ms)
            rest.add(Clock.ms { app.completeRecord() })
            guard app.state.open?.participant.id == largestId else {
                throw BenchError(
                    "the search for \(largestName) did not open \(largestId): \(app.state.message?.text ?? "")\n"
                        + app.render().text)
            }
            close.add(press(.escape, app, screen).ms)
            // The search is still there when the caseload comes back: clear it.
            if app.state.search != nil { _ = press(.escape, app, screen) }
        }
        result["openLargest"] = open.json
        // The notes and ratings read after the first frame of the record (`App.completeRecord`).
        result["openLargestRest"] = rest.json
        // The first opening alone: the record decoded from its file (later ones may find parts
        // read before, such as the offers its plan links to and the summary's fonts).
        result["openLargestFirstMs"] = open.values.first ?? .nan
        result["closeToCaseload"] = close.json

        // Every tab of the largest participant: switch to it, then down and up in blocks of 20.
        _ = press(.char("/"), app, screen)
        for character in largestName { _ = press(.char(character), app, screen) }
        _ = press(.enter, app, screen)
        var tabs: [String: Any] = [:]
        var switches: [String: Any] = [:]
        for (number, tab) in Tab.allCases.enumerated() {
            var keys = Samples()
            var switched = Samples()
            for _ in 0..<5 {
                _ = press(.char("1"), app, screen)
                switched.add(press(.char(Character(String(number + 1))), app, screen).ms)
            }
            guard app.state.open?.tab == tab else { throw BenchError("key \(number + 1) did not show the \(tab) tab") }
            // The keys are those of the tab with its list: the catalogue read on another thread
            // is shown first, as the driver shows it when it comes (not counted).
            if app.takeCatalogue(wait: true) { screen.draw(app.render()) }
            for block in 0..<max(1, rounds.tabKeys / 20) {
                for _ in 0..<20 { keys.add(press(block % 2 == 0 ? .down : .up, app, screen).ms) }
            }
            tabs["\(tab)"] = keys.json
            switches["\(tab)"] = switched.json
        }
        result["tabKey"] = tabs
        result["tabSwitch"] = switches
        _ = press(.escape, app, screen)

        result["save"] = try saves()
        result["appSave"] = try appSaves()
        result["summary"] = try summary(env: env)
        return result
    }

    /// What filtering the caseload for one search text costs, as `AppState.visibleRows` does it
    /// (folding every name each time) and with the folded names the index keeps
    /// (`CaseloadEntry.searchKey`): the figures behind the change proposed for search.
    func searchFilter(_ caseload: Caseload, names: [String]) -> [String: Any] {
        var random = SplitMix64(seed: 11)
        var folding = Samples()
        var keyed = Samples()
        for _ in 0..<30 {
            let name = names[random.below(names.count)]
            let query = SearchText.fold(String(String(name.split(separator: " ").last ?? "").prefix(4)))
            var a = 0
            var b = 0
            folding.add(
                Clock.ms {
                    a =
                        caseload.filter { row in
                            guard case .participant(let entry) = row else { return false }
                            return SearchText.fold(entry.name).contains(query)
                        }.count
                })
            keyed.add(
                Clock.ms {
                    b =
                        caseload.filter { row in
                            guard case .participant(let entry) = row else { return false }
                            return entry.searchKey.contains(query)
                        }.count
                })
            precondition(a == b, "the kept search keys must match what SearchText.fold gives")
        }
        return ["foldEveryName": folding.json, "keptSearchKey": keyed.json]
    }

    /// The bytes of a one-row move if the selection were drawn in reverse only up to the end of
    /// the name column (the rest of the row as when not selected): the caseload frames as
    /// rendered, restyled, drawn on a second ncurses screen. An estimate for a UI change.
    func nameOnlyHighlight(app: App, env: UIEnvironment) throws -> [String: Any] {
        let screen = try BenchScreen()
        defer { screen.close() }
        var state = app.state
        state.search = nil
        state.selection = 0
        state.open = nil
        func frame() -> ScreenBuffer {
            var buffer = Renderer.render(state, env: env)
            let y = 3 + state.selection
            buffer.restyle(y: y, from: 2 + 30, to: buffer.width, style: .plain)
            return buffer
        }
        screen.draw(frame())
        var bytes = Samples()
        for _ in 0..<15 {
            state.selection += 1
            let before = screen.written
            screen.draw(frame())
            bytes.add(Double(screen.written - before))
        }
        return bytes.json
    }

    /// Saving one change of the largest record, and of a typical one, as the program saves
    /// (the record opened with `ParticipantJournal.read`, each change saved with
    /// `ParticipantJournal.save`); beside them what a save cannot go below on this disk (a
    /// file of the same size written, fsynced, renamed and its folder fsynced), the largest
    /// record encoded by `RecordCodec` (wall and CPU time) and encoded and written whole (as
    /// saves were before `SplicedRecordEncoder`), a short lock taken and given back, how
    /// many list elements of the largest record were encoded and reused, the journal saves'
    /// CPU time (their wall time less the waiting for the disk), and the first save made at
    /// once after opening. With `ordered`, every sample in the order taken.
    func saves(ordered: Bool = false) throws -> [String: Any] {
        let identity = Identity(coach: "Bench", user: "bench", host: ProcessInfo.processInfo.hostName, pid: getpid())
        var largest = try ParticipantJournal.read(largestId, in: store)
        // The check of the file just read (on another thread) is not timed as part of a save.
        SplicedRecordEncoder.waitForChecks()
        var storeSave = Samples()
        var journalSave = Samples()
        var journalSaveCPU = Samples()
        var encode = Samples()
        var encodeCPU = Samples()
        var record = Samples()
        for round in 0..<30 {
            largest.notes[0].tags = ["jobSearch", "round\(round)"]
            largest.updated = Stamp(by: "Bench", at: Date())
            encode.add(try Clock.ms { _ = try RecordCodec.encode(largest) })
            encodeCPU.add(try Clock.cpuMs { _ = try RecordCodec.encode(largest) })
            try Clock.ms(&journalSave, cpu: &journalSaveCPU) { largest = try ParticipantJournal.save(largest, in: store, as: identity) }
            // The file saved (its changed parts spliced in) is the whole record's encoding.
            guard try Data(contentsOf: store.participantFile(largestId)) == (try RecordCodec.encode(largest)) else {
                throw BenchError("the saved file of \(largestId) differs from RecordCodec.encode of the record")
            }
        }
        // DataStore.save alone (no journal lock, no merge), then the index line it appends;
        // beside it the whole record encoded by RecordCodec and written as before splicing.
        var wholeWrite = Samples()
        let largestFile = try store.participantFile(largestId)
        for round in 0..<30 {
            largest.notes[0].tags = ["jobSearch", "store\(round)"]
            storeSave.add(try Clock.ms { try store.save(largest) })
            record.add(Clock.ms { CaseloadIndex(store: store).recordSaved(largest) })
            wholeWrite.add(try Clock.ms { try AtomicFile.write(try RecordCodec.encode(largest), to: largestFile, folderMayBeLink: false) })
        }
        largest.notes[0].tags = ["jobSearch"]
        largest = try ParticipantJournal.save(largest, in: store, as: identity)
        var typicalSave = Samples()
        var typicalJournal = Samples()
        var typicalJournalCPU = Samples()
        var typicalBytes = 0
        var floor = Samples()
        if let (id, size) = typicalRecord() {
            typicalBytes = size
            var typical = try ParticipantJournal.read(id, in: store)
            SplicedRecordEncoder.waitForChecks()
            for round in 0..<50 {
                typical.updated = Stamp(by: "Bench \(round)", at: Date())
                try Clock.ms(&typicalJournal, cpu: &typicalJournalCPU) { typical = try ParticipantJournal.save(typical, in: store, as: identity) }
            }
            for round in 0..<50 {
                typical.updated = Stamp(by: "Bench \(round)", at: Date())
                typicalSave.add(try Clock.ms { try store.save(typical) })
            }
            floor = try fsyncFloor(bytes: size)
        }
        // The short lock every save takes (the journal lock; the index line takes another).
        var lockCycle = Samples()
        let lockPath = store.root.appendingPathComponent("locks/bench-cycle.lock").path
        for _ in 0..<50 { lockCycle.add(try Clock.ms { try ExclusiveLock.with(path: lockPath, as: identity) { _ in } }) }
        // One change of the largest record encoded by splicing (CPU time), and the durable
        // write alone of a file of its size: together what its save cannot go below.
        var spliced = Samples()
        for round in 0..<30 {
            largest.notes[0].tags = ["jobSearch", "splice\(round)"]
            spliced.add(try Clock.cpuMs { _ = try SplicedRecordEncoder.encode(largest) })
        }
        let largestFloor = try fsyncFloor(bytes: try Data(contentsOf: largestFile).count)
        let counts = SplicedRecordEncoder.counts(of: largestId)
        // The lists of a record just read encoded from nothing (what the background
        // preparation at open does, CPU time), and a save made at once after opening, before
        // that preparation could have finished.
        var coldEncode = Samples()
        var firstSave = Samples()
        var firstSaveCPU = Samples()
        for round in 0..<10 {
            let fresh = try store.loadParticipant(largestId)
            coldEncode.add(try Clock.cpuMs { _ = try SplicedRecordEncoder.encode(fresh) })
            var opened = try ParticipantJournal.read(largestId, in: store)
            opened.notes[0].tags = ["jobSearch", "first\(round)"]
            try Clock.ms(&firstSave, cpu: &firstSaveCPU) { _ = try ParticipantJournal.save(opened, in: store, as: identity) }
        }
        func out(_ samples: Samples) -> [String: Any] { ordered ? samples.orderedJSON : samples.json }
        return [
            "largestEncode": out(encode), "largestEncodeCPU": out(encodeCPU), "largestStoreSave": out(storeSave),
            "largestJournalSave": out(journalSave), "recordSaved": out(record), "typicalBytes": typicalBytes,
            "typicalStoreSave": out(typicalSave), "typicalJournalSave": out(typicalJournal), "fsyncFloor": out(floor),
            "largestWholeEncodeWrite": out(wholeWrite), "lockCycle": out(lockCycle),
            "largestSplicedEncodeCPU": out(spliced), "largestFsyncFloor": out(largestFloor),
            "largestColdSplicedEncodeCPU": out(coldEncode), "largestFirstJournalSave": out(firstSave),
            "largestFirstJournalSaveCPU": out(firstSaveCPU), "largestJournalSaveCPU": out(journalSaveCPU),
            "typicalJournalSaveCPU": out(typicalJournalCPU),
            "largestElementsEncoded": counts.encoded, "largestElementsReused": counts.reused,
        ]
    }

    /// A typical record: the one of median file size among the first 400 participants; nil
    /// when there are none.
    func typicalRecord() -> (id: String, size: Int)? {
        let sizes = store.participantIDs().prefix(400).compactMap { id -> (String, Int)? in
            guard let url = try? store.participantFile(id), let info = try? FileManager.default.attributesOfItem(atPath: url.path),
                let size = info[.size] as? Int
            else { return nil }
            return (id, size)
        }.sorted { $0.1 < $1.1 }
        return sizes.isEmpty ? nil : sizes[sizes.count / 2]
    }

    /// What the durable write of `bytes` bytes alone costs on the disk of the data folder:
    /// `AtomicFile.write` (temp file, fsync, rename, fsync of the folder) into a scratch
    /// folder beside `participants/`, removed afterwards.
    func fsyncFloor(bytes: Int) throws -> Samples {
        let folder = store.root.appendingPathComponent(".bench-fsync")
        try AtomicFile.makeDirectory(folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = Data(repeating: 0x20, count: bytes)
        let file = folder.appendingPathComponent("record.json")
        var samples = Samples()
        for _ in 0..<50 { samples.add(try Clock.ms { try AtomicFile.write(data, to: file, folderMayBeLink: false) }) }
        return samples
    }

    /// The printed summary of the largest participant, as the program makes it: `Summary.make`
    /// (which reads the string table of the citizen's language) and then the pages as text
    /// for `lp` (`median`, `p99`: the figure the table has always shown), or the PDF that
    /// printing sends (`pdf`: `Summary.make` and `pdf(fonts:)`, the fonts read once as the
    /// program holds them). Beside them each phase alone in this thread's CPU time (not
    /// lengthened by other processes): `make`, the document (`Summary.document`), the text
    /// pages (`printable()`) and the typesetting (`pdf(fonts:)`) of a summary already made.
    /// Milliseconds, 20 rounds each.
    func summary(env: UIEnvironment) throws -> [String: Any] {
        let participant = try store.loadParticipant(largestId)
        let offers = store.loadOffers().offers
        func make() throws -> Summary {
            try Summary.make(
                participant: participant, offers: offers, indicators: env.indicators, resources: resources, today: .today,
                coach: "Bench")
        }
        let fonts = try SummaryFonts.load()
        let made = try make()
        var build = Samples()
        var pdf = Samples()
        var phases = (make: Samples(), document: Samples(), text: Samples(), typeset: Samples())
        var bytes = 0
        var pdfBytes = 0
        for _ in 0..<20 {
            build.add(try Clock.ms { bytes = try make().printable().utf8.count })
            pdf.add(try Clock.ms { pdfBytes = try make().pdf(fonts: fonts).data.count })
            phases.make.add(try Clock.cpuMs { _ = try make() })
            phases.document.add(Clock.cpuMs { _ = made.document })
            phases.text.add(Clock.cpuMs { _ = made.printable() })
            phases.typeset.add(try Clock.cpuMs { _ = try made.pdf(fonts: fonts) })
        }
        var json = build.json
        json["bytes"] = bytes
        json["pages"] = made.pages().count
        json["pdf"] = pdf.json
        json["pdfBytes"] = pdfBytes
        json["pdfPages"] = try made.pdf(fonts: fonts).pages
        json["phases"] = [
            "make": phases.make.json, "document": phases.document.json, "text": phases.text.json,
            "typeset": phases.typeset.json,
        ]
        return json
    }
}
