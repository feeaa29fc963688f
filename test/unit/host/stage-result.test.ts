import * as assert from 'assert';
import { judgeStage } from '../../host/stage-result';

const counts = (passed: number, failed: number, pending = 0) => ({ passed, failed, pending });

describe('run-all: judging a stage', () => {
  it('passes a mocha stage that ran tests, all passing', () => {
    assert.deepStrictEqual(judgeStage(true, 0, counts(12, 0, 1)), { status: 'passed', counts: counts(12, 0, 1) });
  });

  it('fails a mocha stage that ran no test, though it exited with 0', () => {
    assert.deepStrictEqual(judgeStage(true, 0, counts(0, 0)), { status: 'failed', counts: counts(0, 1), note: 'ran no tests' });
  });

  it('fails a mocha stage whose every test is pending', () => {
    assert.deepStrictEqual(judgeStage(true, 0, counts(0, 0, 3)), {
      status: 'failed', counts: counts(0, 1, 3), note: 'ran no tests (3 pending)',
    });
  });

  it('fails a mocha stage with failed tests by their count', () => {
    assert.deepStrictEqual(judgeStage(true, 1, counts(10, 2)), { status: 'failed', counts: counts(10, 2) });
  });

  it('counts one failure for a mocha stage that exited non-zero with every test passed', () => {
    assert.deepStrictEqual(judgeStage(true, 1, counts(10, 0)), {
      status: 'failed', counts: counts(10, 1), note: 'exit code 1 with no failed test',
    });
  });

  it('counts one failure for a mocha stage that reported no counts', () => {
    assert.deepStrictEqual(judgeStage(true, 0, undefined), { status: 'failed', counts: counts(0, 1), note: 'reported no test counts' });
    assert.deepStrictEqual(judgeStage(true, 2, undefined), {
      status: 'failed', counts: counts(0, 1), note: 'exit code 2 before reporting test counts',
    });
  });

  it('judges a stage without tests by its exit code alone', () => {
    assert.deepStrictEqual(judgeStage(false, 0, undefined), { status: 'passed', counts: counts(0, 0) });
    assert.deepStrictEqual(judgeStage(false, 2, undefined), { status: 'failed', counts: counts(0, 1), note: 'exit code 2' });
  });
});
