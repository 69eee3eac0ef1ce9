import type { LaneRenderers } from './lane-renderer';
import { batonChangeLane } from './lanes/baton-change-lane';
import { emotionLane } from './lanes/emotion-lane';
import { feelingLane } from './lanes/feeling-lane';
import { leverLane } from './lanes/lever-lane';
import { metricLane } from './lanes/metric-lane';
import { momentOfTruthLane } from './lanes/moment-of-truth-lane';
import { painPointLane } from './lanes/pain-point-lane';
import { stepLane } from './lanes/step-lane';
import { textLane } from './lanes/text-lane';
import { touchpointLane } from './lanes/touchpoint-lane';

/** How each lane kind is drawn. Adding a kind to core's cardSchemas fails to compile here until it has an entry. */
export const laneRenderers: LaneRenderers = {
  step: stepLane,
  touchpoint: touchpointLane,
  'baton-change': batonChangeLane,
  feeling: feelingLane,
  emotion: emotionLane,
  'moment-of-truth': momentOfTruthLane,
  'pain-point': painPointLane,
  lever: leverLane,
  metric: metricLane,
  text: textLane,
};
