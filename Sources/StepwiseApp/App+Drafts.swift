import Foundation
import StepwiseCore
import StepwiseUI

/// A form being filled in when the program was cut off.
struct Draft: Codable {
    var form: Form
    var participantId: String?
    /// Whose words were being typed (nil in drafts kept before this was).
    var writer: Author?
}

/// The form being typed, kept in `drafts/` at each pause in the typing (the driver's idle
/// tick, about 5 a second) and, while typing goes on without a pause, at a key at most every
/// `steadyInterval` seconds, so that a terminal killed outright (`kill -9`,
/// a power cut) loses no word: the next start of the same coach on this host brings it back
/// once this process is gone. Kept under this terminal's own name
/// (`DataStore.typingDraftFile`), so that a second terminal of the same coach never takes a
/// draft still being typed, and removed as soon as the form is closed (saved or left), so
/// that a saved form never comes back.
final class TypingDraft {
    private let store: DataStore
    private let identity: Identity
    /// The draft as last kept; nil when none is kept.
    private var kept: Data?
    /// When a draft was last kept (seconds since boot, `systemUptime`).
    private var keptAt = 0.0
    /// The longest time typing without a pause goes unkept, in seconds.
    static let steadyInterval = 2.0

    init(store: DataStore, identity: Identity) {
        self.store = store
        self.identity = identity
    }

    /// Keeps `draft` when it differs from the one kept (with `steady`, only when none was kept
    /// for `steadyInterval`: a key of steady typing); nil removes the one kept.
    func keep(_ draft: Draft?, steady: Bool = false) {
        guard let draft else { return drop() }
        let now = ProcessInfo.processInfo.systemUptime
        if steady && now - keptAt < Self.steadyInterval { return }
        guard let data = try? RecordCodec.encode(draft), data != kept else { return }
        if (try? store.keepTypingDraft(data, for: identity)) != nil {
            kept = data
            keptAt = now
        }
    }

    /// Removes the draft kept, if any.
    func drop() {
        guard kept != nil else { return }
        store.dropTypingDraft(for: identity)
        kept = nil
    }
}

extension App {
    /// The open form as a draft: the form, the record it was typed on and whose words they are.
    var draft: Draft? {
        state.form.map { Draft(form: $0, participantId: state.open?.participant.id, writer: state.open?.writer) }
    }
}
