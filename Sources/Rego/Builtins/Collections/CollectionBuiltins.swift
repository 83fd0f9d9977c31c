import PalisadeCore

/// OPA's builtins for numbers, aggregates, arrays, sets, objects, JSON
/// documents and graphs, including the infix operators the evaluator calls
/// by name (`plus`, `minus`, `mul`, `div`, `rem`, `and`, `or`, `equal`,
/// `neq`, `lt`, `lte`, `gt`, `gte`).
enum CollectionBuiltins {
    static var all: [Builtin] {
        CollectionsComparison.builtins
            + CollectionsArithmetic.builtins
            + CollectionsRounding.builtins
            + CollectionsRanges.builtins
            + CollectionsRandom.builtins
            + CollectionsBits.builtins
            + CollectionsAggregates.builtins
            + CollectionsArrays.builtins
            + CollectionsSets.builtins
            + CollectionsObjects.builtins
            + CollectionsSubset.builtins
            + CollectionsJSONPaths.builtins
            + CollectionsJSONPatch.builtins
            + CollectionsGraph.builtins
    }
}
