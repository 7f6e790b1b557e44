import StepwiseCore

/// While the whole offer catalogue is read for the first time (on another thread, see
/// `AppState.catalogueReading`), the screens that list it say so instead of showing the few
/// offers read one by one, and the keys that would pick an offer from that list, or print
/// the citizen's offers, wait for it: they say so and do nothing. Every other key acts.
enum CatalogueReading {
    /// The keys that need the whole catalogue on the offers tab and the catalogue screen.
    static let listKeys: Set<ActionID> = [
        .moveUp, .moveDown, .pageUp, .pageDown, .moveFirst, .moveLast, .open, .group, .filter, .book, .unbook,
    ]
    /// The keys that need the whole catalogue on the summary tab (the summary lists the
    /// citizen's offers).
    static let summaryKeys: Set<ActionID> = [.print, .printTo, .calendarFile, .savePDF]

    /// True, with a message, when `action` is among `keys` and the catalogue is still being
    /// read: the key is then handled and does nothing else.
    static func holds(_ action: ActionID?, among keys: Set<ActionID>, state: inout AppState, env: UIEnvironment) -> Bool {
        guard state.catalogueReading, let action, keys.contains(action) else { return false }
        state.message = Message(env.strings("offers.stillReading"))
        return true
    }

    /// The line that stands for the list while it is read.
    static func line(env: UIEnvironment) -> StyledLine { StyledLine("  " + env.strings("offers.reading"), .muted) }
}
