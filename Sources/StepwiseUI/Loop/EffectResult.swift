import Foundation
import StepwiseCore

/// What carrying out an `Effect` gave back. The shell performs an effect and hands each result
/// to `Update.apply`, which folds it into the state: the state has one writer, and a journey
/// can be replayed in a test by feeding the same results.
public enum EffectResult: Equatable, Sendable {
    /// The caseload as read from the data folder; `select` is the id of the row to select
    /// (nil keeps the selected row).
    case caseloadLoaded(Caseload, select: String?)
    /// The first rows of a large caseload, and its size, for the first frame; the whole
    /// caseload follows as `caseloadLoaded`.
    case caseloadBegun(CaseloadFirstRows)
    /// A key waits for the whole caseload, still being read on another thread (only its first
    /// rows are shown): the screen says so until the rows come as `caseloadLoaded`.
    case caseloadStillReading
    /// A new participant was saved: its row goes where its name sorts (see `CaseloadMove`).
    case participantAdded(name: String, id: String, move: CaseloadMove)
    /// A participant was read under its edit lock. `heldBy` names who holds the lock when
    /// another terminal has the record open, `lockFailure` why the lock could not be written
    /// (either way it is shown read only); `offers` is the catalogue when it was read for the
    /// first time.
    case opened(Participant, history: [PlanVersion], heldBy: RecordLock.Holder?, lockFailure: String?, offers: [Offer]?)
    /// The open participant, opened without its notes and ratings (its first screen shows
    /// neither), read whole: it replaces the record shown when that is the same participant.
    case recordCompleted(Participant)
    /// The open participant was closed and its lock given back (the caseload read afresh).
    case closed(caseload: Caseload, select: String?)
    /// The open participant was closed and its lock given back; nothing else changed in the
    /// caseload, whose row of the participant is made anew (and selected).
    case closedMoving(CaseloadMove)
    /// The open participant was closed and its lock given back, to a caseload of which only
    /// the first rows are shown (as read again from the index); `select` is the id of the row
    /// to select.
    case closedToFirstRows(CaseloadFirstRows, select: String?)
    /// The offers shown, with offers read one by one added (those the open plan links to).
    case offersLoaded([Offer])
    /// The whole offer catalogue is being read for the first time, on another thread: the
    /// tabs that list it say so until it comes as `catalogueLoaded`.
    case catalogueReading
    /// The whole offer catalogue, as read on another thread or kept since.
    case catalogueLoaded([Offer])
    /// The open participant's plan history, oldest first; `complete` is false when only the
    /// newest versions were read (those the change marks need).
    case historyLoaded([PlanVersion], complete: Bool)
    /// Placements and planned follow-ups per internship offer, counted (never their contents).
    case placementCountsLoaded([String: PlacementCount])
    /// The job board as read now, with how many applications link to each job (by id), and
    /// what to do next with it.
    case boardLoaded([BoardJob], counts: [String: Int], then: BoardFollowUp?)
    /// A board job was added or changed (as written).
    case jobSaved(BoardJob, isNew: Bool)
    /// The audit log's entries about the open participant.
    case auditLoaded([AuditEntry])
    /// A booking change went through under the offer's lock; `linking` is the plan step to
    /// link to the offer after a booking.
    case bookingChanged(Booking.Change, offers: [Offer], linking: PlanRow?)
    /// A new offer was added to the catalogue.
    case offerAdded(title: String)
    /// An offer's change was saved, except to `fields`, which had been changed meanwhile
    /// elsewhere (another terminal, the command line): their value on disk was kept.
    case offerFieldsKept(title: String, fields: [OfferMerge.Field])
    /// A booking change was refused or failed; nothing changed.
    case bookingRefused(BookingStore.Failure, offers: [Offer])
    /// Participant `id` was saved: the journal as merged with the file on disk, and the plan
    /// version that was added to the history, if any. Applied only while that participant is
    /// open (a save that waited for its lock may be made after another record was opened).
    case participantSaved(id: String, journal: [JournalEntry], version: PlanVersion?)
    /// The summary went to a printer (nil: the default printer); `standIns` are the
    /// characters printed by name.
    case printed(printer: String?, pages: Int, standIns: [String])
    /// The summary was saved as a PDF file.
    case pdfSaved(path: String, standIns: [String])
    /// The printers CUPS offers, to choose from.
    case printersFound([String])
    /// The calendar file was written.
    case calendarSaved(events: Int, path: String)
    /// A record shown read only was read again because its file changed.
    case reread(Participant, history: [PlanVersion])
    /// A record shown read only is free again: this terminal took its edit lock and read it
    /// under the lock, so it may be changed here now.
    case lockTaken(Participant, history: [PlanVersion])
    /// The open participant's journal as on disk (after a booking change, here or elsewhere).
    case journalRead(participant: String, [JournalEntry])
    /// A form kept when the program was cut off, with the writer it was typed as (nil in
    /// drafts kept before the writer was).
    case draftRestored(Form, writer: Author?)
    /// The report asked for by `Effect.makeReport`.
    case reportMade(Report)
    /// Everything is saved and the lock given back: the program may end.
    case quit
    /// An effect could not be carried out.
    case failed(Failure)
    /// A save found its short lock held elsewhere (by `holder`, when the lock file says): the
    /// change is kept and made again as soon as the lock is free.
    case waitingForLock(Identity?)
    /// The saves kept while their lock was held elsewhere are made now.
    case savedAfterWait
    /// A booking made after its record was closed (its save waited for a lock held elsewhere)
    /// did not link its plan step in the record's file: the booking of `name` in the offer
    /// titled `offer` stands, the step is not linked, for the reason `why`.
    case stepNotLinked(name: String, offer: String, why: StepNotLinked)

    /// Why an effect could not be carried out; `reason` is the system's or the store's own
    /// words (a file name and what went wrong, never a citizen's data).
    public enum Failure: Equatable, Sendable {
        case save(reason: String)
        case open(reason: String)
        case audit(reason: String)
        case calendar(reason: String)
        case pdf(reason: String)
        case print(Printer.Failure)
        /// The record was erased meanwhile: nothing about it was printed or saved.
        case erased
    }
}
