@_spi(Reflection) import Swift
import Foundation

extension SplicedRecordEncoder {
    /// The bytes of `value` as it stands in memory (`MemoryLayout<T>.size` bytes), with the
    /// bytes that do not hold it made alike in every copy: padding zero, and an optional that is
    /// nil written as its type's one nil (see `ValueShape`). Values with the same bits have every
    /// string, list and nested value in the very same storage, so they are equal and encode to
    /// the same bytes; values that only compare equal (a text in another Unicode normalization
    /// form) differ.
    static func bits<T>(_ value: T) -> [UInt8] { bits(value, shape: ValueShape.of(T.self)) }

    /// The bits of `value` (see `bits(_:)`), given the shape of its type (`ValueShape.of`),
    /// looked up once for all the elements of a list rather than once for each.
    static func bits<T>(_ value: T, shape: ValueShape) -> [UInt8] {
        withZeroedCopy(of: value) { live, copied in
            var bytes = copied
            shape.settle(live, &bytes, at: 0)
            return bytes
        }
    }

    /// The bits of each of `elements` (see `bits(_:)`).
    static func bits<T>(of elements: [T]) -> [[UInt8]] {
        let shape = ValueShape.of(T.self)
        return elements.map { bits($0, shape: shape) }
    }

    /// Which bytes of a type's values hold the value, worked out from the type alone (its field
    /// offsets and types as the Swift runtime's reflection metadata gives them, the same for
    /// every value and every thread). A copy of a value writes its fields, not always what
    /// lies between them: the padding between a struct's fields, and the payload of an optional
    /// that is nil beyond the bits that say so (Swift ABI, TypeLayout.rst), may hold anything,
    /// and differ from copy to copy of one unchanged value.
    indirect enum ValueShape {
        /// Every byte holds the value: an integer, a float, a reference, or a struct of such
        /// fields without padding (a String, an Array, a Date).
        case whole
        /// An enum with a payload other than an optional's (more than one byte): compared
        /// whole, so a payload that is not in use may make equal values look unlike (encoded
        /// again, never the wrong bytes).
        case payloadEnum
        /// A struct with padding or with fields of other shapes: its padding ranges and those
        /// fields at their offsets.
        case fields(padding: [Range<Int>], fields: [(offset: Int, shape: ValueShape)])
        /// An optional: its wrapped value's shape when it holds one, else `none`, the bytes of
        /// nil written into zeroed memory.
        case optional(any OptionalValue.Type, none: [UInt8], wrapped: ValueShape)

        private static let lock = NSLock()
        nonisolated(unsafe) private static var known: [ObjectIdentifier: ValueShape] = [:]

        /// The shape of `type`'s values.
        static func of(_ type: Any.Type) -> ValueShape {
            let key = ObjectIdentifier(type)
            if let shape = lock.withLock({ known[key] }) { return shape }
            let shape = ValueShape(holding: type)
            lock.withLock { known[key] = shape }
            return shape
        }

        /// The shape of `type`, seen as the one field of `Holder` (whose field list gives the
        /// field's kind: struct, optional, enum, class …).
        private init(holding type: Any.Type) {
            func holder<T>(_: T.Type) -> Any.Type { Holder<T>.self }
            self = ValueShape(struct: _openExistential(type, do: holder))
            if case .fields(let padding, let fields) = self, padding.isEmpty, fields.count == 1, fields[0].offset == 0 {
                self = fields[0].shape
            }
        }

        /// The shape of a struct type, from its fields' offsets, sizes and kinds.
        private init(struct type: Any.Type) {
            func size<T>(_: T.Type) -> Int { MemoryLayout<T>.size }
            var covered: [Range<Int>] = []
            var fields: [(offset: Int, shape: ValueShape)] = []
            let listed = _forEachField(of: type, options: []) { _, offset, fieldType, kind in
                covered.append(offset..<offset + _openExistential(fieldType, do: size))
                let shape: ValueShape
                switch kind {
                case .struct: shape = ValueShape(struct: fieldType)
                case .optional:
                    guard let optional = fieldType as? any OptionalValue.Type else { return false }
                    shape = .optional(optional, none: optional.noneBytes, wrapped: ValueShape.of(optional.wrappedType))
                case .enum: shape = _openExistential(fieldType, do: size) > 1 ? .payloadEnum : .whole
                default: shape = .whole
                }
                if case .whole = shape {} else { fields.append((offset, shape)) }
                return true
            }
            guard listed else {
                self = .whole
                return
            }
            var padding: [Range<Int>] = []
            var at = 0
            for range in covered.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if range.lowerBound > at { padding.append(at..<range.lowerBound) }
                at = max(at, range.upperBound)
            }
            let end = _openExistential(type, do: size)
            if end > at { padding.append(at..<end) }
            self = padding.isEmpty && fields.isEmpty ? .whole : .fields(padding: padding, fields: fields)
        }

        /// Makes the bytes of the value at `live` that do not hold it alike in `bytes` (the
        /// copy of those bytes, the value's first byte at `offset`).
        func settle(_ live: UnsafeRawPointer, _ bytes: inout [UInt8], at offset: Int) {
            switch self {
            case .whole, .payloadEnum: return
            case .fields(let padding, let fields):
                for range in padding {
                    for index in range { bytes[offset + index] = 0 }
                }
                for field in fields { field.shape.settle(live + field.offset, &bytes, at: offset + field.offset) }
            case .optional(let type, let none, let wrapped):
                if type.isNone(at: live) {
                    bytes.replaceSubrange(offset..<offset + none.count, with: none)
                } else {
                    wrapped.settle(live, &bytes, at: offset)
                }
            }
        }

        /// True when a value of this shape holds an enum with a payload outside optionals (whose
        /// unused payload bytes are compared too).
        var hasPayloadEnum: Bool {
            switch self {
            case .whole: return false
            case .payloadEnum: return true
            case .fields(_, let fields): return fields.contains { $0.shape.hasPayloadEnum }
            case .optional(_, _, let wrapped): return wrapped.hasPayloadEnum
            }
        }
    }

    /// A struct of one field of type `T`: laid out as `T`, and its field list names `T`'s kind.
    struct Holder<T> {
        let value: T
    }
}

/// An optional seen without knowing what it wraps.
protocol OptionalValue {
    /// The type it wraps.
    static var wrappedType: Any.Type { get }
    /// The bytes of nil written into zeroed memory: the one nil compared.
    static var noneBytes: [UInt8] { get }
    /// True when the optional at `pointer` is nil.
    static func isNone(at pointer: UnsafeRawPointer) -> Bool
}

extension Optional: OptionalValue {
    static var wrappedType: Any.Type { Wrapped.self }

    static func isNone(at pointer: UnsafeRawPointer) -> Bool { pointer.load(as: Wrapped?.self) == nil }

    static var noneBytes: [UInt8] { withZeroedCopy(of: Wrapped?.none) { $1 } }
}

/// `body` given `value` copied into zeroed memory and that memory's `MemoryLayout<T>.size`
/// bytes. Zeroed first, the bytes a copy does not write read alike; the bytes it writes
/// from the value's own padding do not, which `ValueShape.settle` sees to.
private func withZeroedCopy<T, R>(of value: T, _ body: (UnsafeRawPointer, [UInt8]) -> R) -> R {
    let size = MemoryLayout<T>.size
    let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, size), alignment: MemoryLayout<T>.alignment)
    defer { memory.deallocate() }
    memory.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, size))
    let typed = memory.initializeMemory(as: T.self, to: value)
    defer { typed.deinitialize(count: 1) }
    return body(UnsafeRawPointer(memory), [UInt8](UnsafeRawBufferPointer(start: memory, count: size)))
}
