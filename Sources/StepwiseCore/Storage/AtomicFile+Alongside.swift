import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension AtomicFile {
    /// A step of a durable write that reached the disk, or is about to put a file in place,
    /// as `tracer` is told of it; each names the path it concerns.
    public enum Step: Equatable, Sendable {
        /// The temp file of a write to this target was fsynced.
        case tempFile(String)
        /// This folder was fsynced after a file was renamed into it.
        case folder(String)
        /// An append to this file was fsynced.
        case appended(String)
        /// A temp file is about to be renamed over this target.
        case renaming(String)
    }

    /// What is told of every step of every durable write made by this thread (and by the work
    /// it starts `alongside`), after each fsync returned and before each rename; nil (nothing
    /// told) unless bound by `tracing(_:_:)`.
    public static var tracer: (@Sendable (Step) throws -> Void)? { tracers.value }

    /// Runs `body` with `tracer` told of every step of the durable writes it makes. An error
    /// `tracer` throws at `.renaming` fails that write as a failed rename would (the target
    /// keeps its old content); errors thrown at other steps are ignored. For counting fsyncs
    /// and timing the steps of a save; the writes themselves are the real ones.
    public static func tracing<T>(_ tracer: (@Sendable (Step) throws -> Void)?, _ body: () throws -> T) rethrows -> T {
        try tracers.with(tracer, body)
    }

    private static let tracers = ThreadBound<@Sendable (Step) throws -> Void>()

    /// Work that goes with the durable write of `alongside.target` made by this thread while
    /// it is bound (see `writing(_:_:)`).
    static var alongside: Alongside? { alongsides.value }

    private static let alongsides = ThreadBound<Alongside>()

    /// fsyncs `fd` and tells `tracer` of `step`; nil when it worked, else the `errno`.
    static func sync(_ fd: Int32, _ step: Step) -> Int32? {
        guard fsync(fd) == 0 else { return errno }
        try? tracer?(step)
        return nil
    }

    /// Runs `body` with `alongside` bound: when `body` writes `alongside.target` (through
    /// `Staged`, e.g. `AtomicFile.write`), the before-rename work starts on other threads
    /// when its temp file is begun and is waited for before the rename; the after-rename work
    /// starts right after the rename, while the folder is fsynced. Returns once all the work
    /// that was started has finished, whether `body` returned or threw.
    /// When `body` returns without having written `alongside.target` through `Staged` (it
    /// wrote it some other way), the work not yet started is done then, before this returns:
    /// none is left out; when `body` throws, work not yet started is not done.
    public static func writing<T>(_ alongside: Alongside, _ body: () throws -> T) rethrows -> T {
        defer { alongside.join() }
        let result = try alongsides.with(alongside, body)
        alongside.startBeforeRename()
        alongside.startAfterRename()
        return result
    }

    /// Writes that go with one file's durable write and need not wait for each other: each
    /// runs on a thread of its own (each fsync waits for the disk, and the disk takes several
    /// at once). Each piece of work starts at most once, even when the file is written again
    /// (a write retried under a new lock).
    public final class Alongside: @unchecked Sendable {
        /// The path of the file whose write this goes with, as `URL.path` gives it.
        public let target: String
        private let beforeRename: [@Sendable () -> Void]
        private let afterRename: [@Sendable () -> Void]
        private let early = DispatchGroup()
        private let late = DispatchGroup()
        private let state = NSLock()
        private var started: (early: Bool, late: Bool) = (false, false)
        /// The tracer of the thread that made this, for the threads the work runs on.
        private let tracer = AtomicFile.tracer

        /// - Parameters:
        ///   - target: the file whose write this goes with.
        ///   - beforeRename: work that must be done before `target` is renamed into place
        ///     (begun with its temp file).
        ///   - afterRename: work done once `target` is in place (begun with the fsync of its folder).
        public init(for target: URL, beforeRename: [@Sendable () -> Void], afterRename: [@Sendable () -> Void]) {
            self.target = target.path
            self.beforeRename = beforeRename
            self.afterRename = afterRename
        }

        func startBeforeRename() { start(beforeRename, in: early, late: false) }

        func joinBeforeRename() { early.wait() }

        func startAfterRename() { start(afterRename, in: late, late: true) }

        /// Waits for all the work started.
        func join() {
            early.wait()
            late.wait()
        }

        private func start(_ work: [@Sendable () -> Void], in group: DispatchGroup, late: Bool) {
            state.lock()
            let first = late ? !started.late : !started.early
            if late { started.late = true } else { started.early = true }
            state.unlock()
            guard first else { return }
            let tracer = tracer
            for piece in work {
                DispatchQueue.global(qos: .userInitiated).async(group: group) {
                    AtomicFile.tracers.with(tracer) { piece() }
                }
            }
        }
    }
}

/// A value bound to the current thread while a body runs, as `@TaskLocal` binds one to a task
/// (the program's loop runs in no task). Bindings nest; each thread sees only its own.
final class ThreadBound<Value>: @unchecked Sendable {
    private final class Box {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let key = "stepwise." + RecordID.generate(prefix: "b")

    /// The value bound on this thread, if any.
    var value: Value? { (Thread.current.threadDictionary[key] as? Box)?.value }

    /// Runs `body` with `value` bound on this thread (nil: unbound), then binds what was before.
    func with<T>(_ value: Value?, _ body: () throws -> T) rethrows -> T {
        let bindings = Thread.current.threadDictionary
        let before = bindings[key]
        bindings[key] = value.map(Box.init)
        defer { bindings[key] = before }
        return try body()
    }
}
