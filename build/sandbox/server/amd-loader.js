// A tiny AMD loader standing in for the panel's: define(id?, deps?, factory), require(deps, cb),
// and modules named by URL loaded with a <script>. Enough for the panel's combined
// `plesk-ui-library` module and the extension's webpack bundle; no cycles, no config.
/* global window, document, console -- a script for the browser, not a module */
(function () {
  'use strict';
  var modules = {};

  function record(id) {
    if (!modules[id]) modules[id] = { waiting: [] };
    return modules[id];
  }

  function load(url) {
    var script = document.createElement('script');
    script.src = url;
    script.setAttribute('data-amd-id', url);
    script.onerror = function () {
      console.error('AMD loader: cannot load ' + url);
    };
    document.head.appendChild(script);
  }

  function resolve(id, callback) {
    var module = record(id);
    if (module.done) return callback(module.value);
    module.waiting.push(callback);
    if (!module.requested && !module.factory && /^\/|\.js$/.test(id)) {
      module.requested = true;
      load(id);
    }
  }

  function resolveAll(deps, module, callback) {
    var values = new Array(deps.length);
    var left = deps.length;
    if (left === 0) return callback(values);
    deps.forEach(function (dep, i) {
      var settle = function (value) {
        values[i] = value;
        if (--left === 0) callback(values);
      };
      if (dep === 'exports') {
        module.exports = module.exports || {};
        settle(module.exports);
      } else {
        resolve(dep, settle);
      }
    });
  }

  window.define = function (id, deps, factory) {
    if (typeof id !== 'string') {
      factory = deps;
      deps = id;
      // An anonymous module is the one of the script being run.
      id = document.currentScript && document.currentScript.getAttribute('data-amd-id');
    }
    if (!Array.isArray(deps)) {
      factory = deps;
      deps = [];
    }
    if (!id) throw new Error('AMD loader: an anonymous define() outside a script it loaded');
    var module = record(id);
    module.factory = factory;
    resolveAll(deps, module, function (values) {
      var value = typeof factory === 'function' ? factory.apply(null, values) : factory;
      module.value = value === undefined ? module.exports : value;
      module.done = true;
      module.waiting.splice(0).forEach(function (callback) {
        callback(module.value);
      });
    });
  };
  window.define.amd = {};

  window.require = function (deps, callback) {
    resolveAll(deps, {}, function (values) {
      if (callback) callback.apply(null, values);
    });
  };
})();
