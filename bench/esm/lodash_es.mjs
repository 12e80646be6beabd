import * as _ from 'lodash-es';
const data = _.range(1000).map((i) => ({ id: i, group: i % 7, name: `n${i}` }));
const groups = _.groupBy(data, 'group');
const sums = _.mapValues(groups, (g) => _.sumBy(g, 'id'));
console.log(Object.keys(_).length, _.chunk([1, 2, 3, 4, 5], 2).length, sums[3], _.camelCase('Hello big world'), _.uniq([1, 1, 2]).join(), _.debounce.name);
