// `npm run eval`: the corpus scores, printed.
import { evaluateCorpus, formatResult } from './corpus';

void evaluateCorpus().then((result) => console.log(formatResult(result)));
