// Stands in for Node's `fs` in the plugin bundle: gray-matter requires it only for matter.read(),
// which the plugin never calls, and mobile has no `fs` to require.
export default {};
