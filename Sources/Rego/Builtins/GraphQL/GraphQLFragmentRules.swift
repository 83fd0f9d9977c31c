/// Rules about fragments and operations.
extension GraphQLValidator {
    static func fragmentsOnCompositeTypes(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.inlineFragment.append { walker, inline in
            guard let type = walker.schema.types[inline.typeCondition], !type.isCompositeType else { return }
            report("Fragment cannot condition on non composite type \"\(inline.typeCondition)\".", inline.position)
        }
        events.fragment.append { _, fragment in
            guard let def = fragment.definition, !fragment.typeCondition.isEmpty, !def.isCompositeType else { return }
            report("Fragment \"\(fragment.name)\" cannot condition on non composite type \"\(fragment.typeCondition)\".", fragment.position)
        }
    }

    static func knownFragmentNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.fragmentSpread.append { _, spread in
            if spread.definition == nil { report("Unknown fragment \"\(spread.name)\".", spread.position) }
        }
    }

    static func knownTypeNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.variable.append { walker, variable in
            let name = variable.type.name
            if walker.schema.types[name] == nil { report("Unknown type \"\(name)\".", variable.position) }
        }
        events.inlineFragment.append { walker, inline in
            let name = inline.typeCondition
            if !name.isEmpty && walker.schema.types[name] == nil { report("Unknown type \"\(name)\".", inline.position) }
        }
        events.fragment.append { walker, fragment in
            let name = fragment.typeCondition
            guard walker.schema.types[name] == nil else { return }
            let suffix = GraphQLSuggestions.suffix("Did you mean", name, walker.schema.types.keys.sorted())
            report("Unknown type \"\(name)\"." + suffix, fragment.position)
        }
    }

    static func loneAnonymousOperation(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { walker, op in
            if op.name.isEmpty && walker.document.operations.count > 1 {
                report("This anonymous operation must be the only defined operation.", op.position)
            }
        }
    }

    static func noFragmentCycles(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        var visited: Set<String> = []
        events.fragment.append { walker, fragment in
            var path: [GraphQLFragmentSpread] = []
            var indexByName: [String: Int] = [:]
            func visit(_ fragment: GraphQLFragmentDefinition) {
                guard visited.insert(fragment.name).inserted, path.count < GraphQLWalker.maxDepth else { return }
                let spreads = fragmentSpreads(in: fragment.selectionSet)
                if spreads.isEmpty { return }
                indexByName[fragment.name] = path.count
                for spread in spreads {
                    let cycleIndex = indexByName[spread.name]
                    path.append(spread)
                    if let cycleIndex {
                        let via = path[cycleIndex..<(path.count - 1)].map { "\"\($0.name)\"" }
                        let suffix = via.isEmpty ? "" : " via " + via.joined(separator: ", ")
                        report("Cannot spread fragment \"\(spread.name)\" within itself\(suffix).", spread.position)
                    } else if let next = walker.fragment(named: spread.name) {
                        visit(next)
                    }
                    path.removeLast()
                }
                indexByName[fragment.name] = nil
            }
            visit(fragment)
        }
    }

    /// Spreads anywhere in a selection set, in gqlparser's (stack) order.
    static func fragmentSpreads(in selectionSet: [GraphQLSelection]) -> [GraphQLFragmentSpread] {
        var spreads: [GraphQLFragmentSpread] = []
        var stack = [selectionSet]
        while let set = stack.popLast() {
            for selection in set {
                switch selection {
                case .fragmentSpread(let s): spreads.append(s)
                case .field(let f): stack.append(f.selectionSet)
                case .inlineFragment(let i): stack.append(i.selectionSet)
                }
            }
        }
        return spreads
    }

    static func noUnusedFragments(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        var inFragmentDefinition = false
        var used: Set<String> = []
        events.fragmentSpread.append { _, spread in
            if !inFragmentDefinition { used.insert(spread.name) }
        }
        events.fragment.append { _, fragment in
            inFragmentDefinition = true
            if !used.contains(fragment.name) { report("Fragment \"\(fragment.name)\" is never used.", fragment.position) }
        }
    }

    static func possibleFragmentSpreads(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        func canSpread(_ schema: GraphQLSchema, _ parent: GraphQLDefinition?, _ typeName: String) -> Bool {
            guard let parent else { return true }
            let parents: [GraphQLDefinition]
            switch parent.kind {
            case GraphQLDefinition.object: parents = [parent]
            case GraphQLDefinition.interface, GraphQLDefinition.union: parents = schema.possibleTypes(of: parent)
            default: return true
            }
            guard let fragmentType = schema.types[typeName], fragmentType.isCompositeType else { return true }
            let names = Set(parents.map(\.name))
            return schema.possibleTypes(of: fragmentType).contains { names.contains($0.name) }
        }
        events.inlineFragment.append { walker, inline in
            guard let parent = inline.objectDefinition, !canSpread(walker.schema, parent, inline.typeCondition) else { return }
            report("Fragment cannot be spread here as objects of type \"\(parent.name)\" can never be of type \"\(inline.typeCondition)\".", inline.position)
        }
        events.fragmentSpread.append { walker, spread in
            guard let def = spread.definition, let parent = spread.objectDefinition,
                  !canSpread(walker.schema, parent, def.typeCondition) else { return }
            report("Fragment \"\(spread.name)\" cannot be spread here as objects of type \"\(parent.name)\" can never be of type \"\(def.typeCondition)\".", spread.position)
        }
    }

    static func singleFieldSubscriptions(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        events.operation.append { walker, op in
            guard walker.schema.subscription != nil, op.operation == "subscription" else { return }
            let fields = topLevelFields(op.selectionSet)
            let name = op.name.isEmpty ? "Anonymous Subscription" : "Subscription " + graphQLGoQuote(op.name)
            if fields.count > 1 { report("\(name) must select only one top level field.", fields[1].position) }
            for field in fields where field.name.hasPrefix("__") {
                report("\(name) must not select an introspection top level field.", field.position)
            }
        }
    }

    /// Top-level fields through fragments, first occurrence of each name.
    private static func topLevelFields(_ selectionSet: [GraphQLSelection]) -> [(name: String, position: GraphQLPosition?)] {
        var fields: [(name: String, position: GraphQLPosition?)] = []
        var visitedFragments: Set<String> = []
        var stack: [ArraySlice<GraphQLSelection>] = [selectionSet[...]]
        while var set = stack.popLast() {
            guard let selection = set.popFirst() else { continue }
            stack.append(set)
            switch selection {
            case .field(let f): fields.append((f.name, f.position))
            case .inlineFragment(let i): stack.append(i.selectionSet[...])
            case .fragmentSpread(let s):
                guard let def = s.definition else {
                    // gqlparser stops scanning the current selection set here.
                    stack.removeLast()
                    continue
                }
                if visitedFragments.insert(def.name).inserted { stack.append(def.selectionSet[...]) }
            }
        }
        var seen: Set<String> = []
        return fields.filter { seen.insert($0.name).inserted }
    }

    static func uniqueFragmentNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        var seen: Set<String> = []
        events.fragment.append { _, fragment in
            if !seen.insert(fragment.name).inserted {
                report("There can be only one fragment named \"\(fragment.name)\".", fragment.position)
            }
        }
    }

    static func uniqueOperationNames(_ events: GraphQLValidationEvents, _ report: @escaping Report) {
        var seen: Set<String> = []
        events.operation.append { _, op in
            if !seen.insert(op.name).inserted {
                report("There can be only one operation named \"\(op.name)\".", op.position)
            }
        }
    }
}
