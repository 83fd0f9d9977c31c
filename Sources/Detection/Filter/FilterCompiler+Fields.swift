extension FilterCompiler {
    /// Resolves a field or transformer, checking arguments and sources.
    mutating func compileField(_ field: FieldExpr, top: Bool) throws(FilterCompileError) -> CompiledField {
        switch field {
        case .field(let name, let argument):
            return .field(try resolve(name, argument: argument))
        case .literal(let text):
            return .literal(text)
        case .list(let items):
            return .list(try items.map { (item) throws(FilterCompileError) in try compileField(item, top: false) })
        case .transformer(let name, let args, let argument):
            guard let kind = FilterTransformer(rawValue: name) else {
                throw FilterCompileError("filter error: unknown transformer '\(name)'")
            }
            if argument != nil, kind != .getopt {
                throw FilterCompileError("filter error: transformer '\(name)' does not support field arguments")
            }
            let compiled = try args.map { (arg) throws(FilterCompileError) in try compileField(arg, top: false) }
            try checkTransformerInput(kind, compiled)
            return .transformer(kind, compiled, argument: argument)
        }
    }

    func checkTransformerInput(_ kind: FilterTransformer, _ args: [CompiledField]) throws(FilterCompileError) {
        switch kind {
        case .tolower, .toupper, .basename:
            guard let type = args.first?.type, type == .string else {
                throw FilterCompileError("filter error: transformer '\(kind.rawValue)' requires a string field")
            }
        case .b64, .len:
            guard let type = args.first?.type, type == .string || type == .bytes || args.first?.isList == true else {
                throw FilterCompileError("filter error: transformer '\(kind.rawValue)' requires a string or buffer field")
            }
        default:
            break
        }
    }

    func resolve(_ name: String, argument: String?) throws(FilterCompileError) -> FieldRef {
        guard let ref = registry.resolve(name, argument: argument), ref.info.isAvailable(in: source) else {
            throw FilterCompileError("filter_check called with nonexistent field \(name)")
        }
        if ref.info.argument == .none, argument != nil, !ref.info.isList {
            throw FilterCompileError("filter error: field '\(name)' does not support arguments")
        }
        if ref.info.argument == .required, ref.argument == nil {
            throw FilterCompileError("filter error: field '\(name)' requires an argument")
        }
        return ref
    }

    /// libsinsp `flt_is_comparable`: which operators each type supports.
    func checkComparable(_ op: FilterOperator, type: FieldType, field: FieldExpr) throws(FilterCompileError) {
        guard !Self.allowed(op, type) else { return }
        throw FilterCompileError("filter error: operator '\(op.rawValue)' is not supported for field '\(FilterPrinter.string(field))' of type \(Self.typeName(type))")
    }

    static func allowed(_ op: FilterOperator, _ type: FieldType) -> Bool {
        let equality: Set<FilterOperator> = [.exists, .equal, .equalEqual, .notEqual, .in, .intersects]
        switch type {
        case .string: return true
        case .integer, .absTime, .relTime, .double:
            return equality.contains(op) || op.isOrdering
        case .bool, .ipAddress, .ipNetwork:
            return equality.contains(op)
        case .bytes:
            return equality.contains(op) || [.contains, .bcontains, .bstartswith, .startswith, .endswith].contains(op)
        }
    }
}
